import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { registerActivate } from "./activate.js";
import { registerDeactivate } from "./deactivate.js";
import { registerOfflineConfirmations } from "./offlineConfirmations.js";
import { registerOfflineKey } from "./offlineKey.js";
import { registerOfflineLicenseFiles } from "./offlineLicenseFiles.js";
import { registerTransfer } from "./transfer.js";
import { registerTransferCodes } from "./transferCodes.js";
import { registerUsage } from "./usage.js";
import { registerValidate } from "./validate.js";
import { registerWellKnown } from "./wellKnown.js";

/** Routes a device calls: no admin token, the product key or the lease is the credential. */
export function registerPublicRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  registerWellKnown(app, deps);
  registerActivate(app, deps);
  registerValidate(app, deps);
  registerDeactivate(app, deps);
  registerTransfer(app, deps);
  registerTransferCodes(app, deps);
  registerOfflineKey(app, deps);
  registerOfflineConfirmations(app, deps);
  registerOfflineLicenseFiles(app, deps);
  registerUsage(app, deps);
}
