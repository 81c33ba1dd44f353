import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { LicenseFileRequestSchema, LicenseFileSchema } from "@ninsho/contract";
import { sameOrigin, sessionAccount } from "../../accounts/session.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { guardKeyLookup } from "../../http/keyGuard.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { issueLicenseFile } from "../../services/offline/licenseFiles.js";
import { probeRequestFile } from "../../services/offline/probe.js";
import { licenseFileView } from "./offlineViews.js";

const route = createRoute({
  method: "post",
  path: "/v1/offline/license-files",
  tags: ["device"],
  summary: "USB activation: turn a device's request file into a signed license file",
  description:
    "For machines reached by USB: the vendor portal or CLI posts the request file the device wrote and hands back the license file. Decided under exactly the rules of POST /v1/activations on the full fingerprint the file carries, channel rules included (OEM_BOARD_CHANGED, BUNDLE_COMPONENT_CHANGED, TRIAL_ALREADY_USED; an upgrade's first activation needs its base, which a request file cannot name: UPGRADE_BASE_REQUIRED), and recorded in the timeline (method file). The license file carries an ordinary signed lease; it is sealed to the device (JWE, ECDH-ES with X25519, A256GCM) when the request names a key. The same request file always gets the same license file.",
  request: { body: jsonBody(LicenseFileRequestSchema, "The request file's text") },
  responses: {
    200: jsonResponse(
      LicenseFileSchema,
      "A device of the license recognised, or this request answered before",
    ),
    201: jsonResponse(LicenseFileSchema, "A new device in a free slot (or moved in by transfer)"),
    ...errorResponses(400, 403, 404, 409, 410, 413, 415, 429),
  },
});

/**
 * @example
 * registerOfflineLicenseFiles(app, deps);
 */
export function registerOfflineLicenseFiles(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  // A session is a proof of ownership here (to move a license), so a foreign Origin is refused (CSRF).
  app.use(route.path, sameOrigin(deps));
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const result = await guardKeyLookup(
      deps,
      c,
      () => probeRequestFile(deps, body.requestFile),
      async () => {
        // A move needs the owner's proof: this session's account, or the mailed code (never the key alone).
        const { transferCode, ...request } = body;
        const account = await sessionAccount(deps, c);
        const owner = { accountId: account?.id, code: transferCode };
        return issueLicenseFile(deps, { ...request, actor: { kind: "device", owner } });
      },
    );
    if (!result.ok) return respondProblem(c, result.error);
    return c.json(licenseFileView(result.value), result.value.outcome.created ? 201 : 200);
  });
}
