import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { ConfirmationRequestSchema, ConfirmationSchema } from "@ninsho/contract";
import { sameOrigin, sessionAccount } from "../../accounts/session.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { guardKeyLookup } from "../../http/keyGuard.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { confirmInstallation } from "../../services/offline/confirm.js";
import { probeInstallationId } from "../../services/offline/probe.js";
import { confirmationView, retryHeaders } from "./offlineViews.js";

const route = createRoute({
  method: "post",
  path: "/v1/offline/confirmations",
  tags: ["device"],
  summary: "Phone activation: turn an installation ID into a confirmation ID",
  description:
    "Decides under exactly the rules of POST /v1/activations (license state, device limit, match threshold on the ID's compact fingerprint, transfer allowance with transferFromDeviceId, and the channel's rules: an OEM license's board is checked by its 9-bit compact slot (OEM_BOARD_CHANGED); a bundle bound to a kind the ID carries in fewer bits is refused by phone (BOUND_COMPONENT_NOT_BY_PHONE: use a license file); one trial per machine by its compact anchors (TRIAL_ALREADY_USED); an upgrade's first activation needs its base, which an ID cannot name (UPGRADE_BASE_REQUIRED)) and records it in the license's timeline (method phone). The same installation ID always gets the same confirmation ID and never takes a second slot. Malformed and unknown IDs count against the key-guessing limits; wrong key proofs also against the license (10 a day).",
  request: { body: jsonBody(ConfirmationRequestSchema, "The installation ID as read from the device") },
  responses: {
    200: jsonResponse(ConfirmationSchema, "A device of the license recognised, or this ID answered before"),
    201: jsonResponse(ConfirmationSchema, "A new device in a free slot (or moved in by transfer)"),
    ...errorResponses(400, 403, 404, 409, 410, 413, 415, 429),
  },
});

/**
 * @example
 * registerOfflineConfirmations(app, deps);
 */
export function registerOfflineConfirmations(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  // A session is a proof of ownership here (to move a license), so a foreign Origin is refused (CSRF).
  app.use(route.path, sameOrigin(deps));
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const result = await guardKeyLookup(
      deps,
      c,
      () => probeInstallationId(deps, body.installationId),
      async () => {
        // A move needs the owner's proof: this session's account, or the mailed code (never the key alone).
        const { transferCode, ...request } = body;
        const account = await sessionAccount(deps, c);
        const owner = { accountId: account?.id, code: transferCode };
        return confirmInstallation(deps, { ...request, actor: { kind: "device", owner } });
      },
    );
    if (!result.ok) return respondProblem(c, result.error, retryHeaders(result.error));
    return c.json(confirmationView(result.value), result.value.outcome.created ? 201 : 200);
  });
}
