import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { registerAudit } from "./audit.js";
import { registerCatalogEdits } from "./catalogEdits.js";
import { registerChannelActions } from "./channelActions.js";
import { registerConsoleReads } from "./console.js";
import { registerKeys } from "./keys.js";
import { registerLicenseActions } from "./licenseActions.js";
import { registerLicenseChanges } from "./licenseChanges.js";
import { registerLicenseReads } from "./licenses.js";
import { registerOfflineSupport } from "./offline.js";
import { registerPolicies } from "./policies.js";
import { registerProducts } from "./products.js";
import { registerRelayAdmin } from "./relay.js";
import { registerSeatUsage } from "./seatUsage.js";
import { registerSigningKeys } from "./signingKeys.js";
import { registerSupportRequests } from "./supportRequests.js";
import { registerTokens } from "./tokens.js";
import { registerWebhooks } from "./webhooks.js";

/** Routes under /v1/admin: each requires a bearer admin token with the role it names. */
export function registerAdminRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "adminToken", {
    type: "http",
    scheme: "bearer",
    description: "An admin token (nsh_admin_…) with role admin, support or readonly",
  });
  registerProducts(app, deps);
  registerSigningKeys(app, deps);
  registerPolicies(app, deps);
  registerKeys(app, deps);
  // Before the license reads: /v1/admin/licenses/search must not be taken for a license id.
  registerConsoleReads(app, deps);
  registerLicenseReads(app, deps);
  registerLicenseActions(app, deps);
  registerChannelActions(app, deps);
  registerTokens(app, deps);
  registerOfflineSupport(app, deps);
  registerSeatUsage(app, deps);
  registerRelayAdmin(app, deps);
  registerCatalogEdits(app, deps);
  registerLicenseChanges(app, deps);
  registerAudit(app, deps);
  registerWebhooks(app, deps);
  registerSupportRequests(app, deps);
}
