import {
  DeviceSecretSchema,
  RelayActivationRequestSchema,
  RelayRenewalRequestSchema,
} from "@ninsho/contract";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { registerAdminPage } from "./admin/routes.js";
import { ACTIVATION_PATH, admitDevice } from "./admit.js";
import type { RelayContext } from "./context.js";
import { readBody, respondProblem } from "./http.js";
import { RENEWAL_PATH, renewDevice } from "./renew.js";

const BODY_LIMIT = 64 * 1024;

/**
 * The relay's HTTP app, apart from listening (tests call `app.request`): a device activates and renews here
 * as it would on the vendor's server, and IT reads the admin page. The admin token is kept as its digest in the
 * database (`setAdminToken`).
 * @example
 * const app = createRelayApp(ctx);
 */
export function createRelayApp(ctx: RelayContext): Hono {
  const app = new Hono();
  app.use(
    "/v1/*",
    bodyLimit({
      maxSize: BODY_LIMIT,
      onError: (c) => respondProblem(c, { code: "BODY_TOO_LARGE", params: { limit: BODY_LIMIT } }),
    }),
  );
  app.get("/health", (c) => c.json({ status: "ok", grantId: ctx.grant.jti }));
  app.get("/v1/grant", (c) => c.json({ grant: ctx.grantText }));
  app.post(ACTIVATION_PATH, async (c) => {
    const body = await readBody(c, RelayActivationRequestSchema);
    if (!body.ok) return respondProblem(c, body.error);
    const issued = admitDevice(ctx, body.value);
    if (!issued.ok) return respondProblem(c, issued.error);
    return c.json(issued.value.answer, issued.value.created ? 201 : 200);
  });
  app.post(RENEWAL_PATH, async (c) => {
    const body = await readBody(
      c,
      RelayRenewalRequestSchema.extend({ deviceSecret: DeviceSecretSchema.optional() }),
    );
    if (!body.ok) return respondProblem(c, body.error);
    const issued = renewDevice(ctx, body.value);
    if (!issued.ok) return respondProblem(c, issued.error);
    return c.json(issued.value.answer, 200);
  });
  registerAdminPage(app, ctx);
  app.notFound((c) =>
    respondProblem(c, { code: "ROUTE_NOT_FOUND", params: { method: c.req.method, path: c.req.path } }),
  );
  return app;
}
