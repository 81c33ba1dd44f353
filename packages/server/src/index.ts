export { type AppExtension, type AppOptions, createApp } from "./app.js";
export { buildDeps, type DepsOptions } from "./buildDeps.js";
export {
  type ClusterOptions,
  type RunningCluster,
  startCluster,
  workersNeedPostgres,
} from "./cluster/primary.js";
export type { ExtensionModule } from "./cluster/protocol.js";
export type { ServerDeps } from "./deps.js";
export type { AppEnv } from "./http/env.js";
export { openApiInfo } from "./routes/docs.js";
export { decodeMasterKey } from "./security/masterKey.js";
export { makeDataPrivate, type TightenedMode } from "./security/privateFiles.js";
export { type RecoveredToken, type RecoverOptions, recoverAdminToken } from "./security/recoverToken.js";
export { type OpenedRateLimits, openRateLimits, type RateLimitBackend } from "./security/sharedRateLimits.js";
export { type RunningServer, type StartOptions, startServer } from "./serve.js";
