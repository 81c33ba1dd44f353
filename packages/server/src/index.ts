export {
  type Mail,
  type Mailer,
  OutboxMailer,
  SmtpMailer,
  type SmtpTransport,
} from "./accounts/mail/mailer.js";
export { type OutboxEntry, type OutboxOptions, readOutbox } from "./accounts/mail/outbox.js";
export type { AccountOptions } from "./accounts/settings.js";
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
export { type AddressGrouping, addressGroup } from "./http/addressGroup.js";
export type { AppEnv } from "./http/env.js";
export type { Probe } from "./http/keyGuard.js";
export { LoadShedder, OVERLOAD_DEFAULTS, type OverloadOptions } from "./http/overload.js";
export { MAX_TRUSTED_HOPS, parseTrustProxy, type TrustProxy } from "./http/trustProxy.js";
export { openApiInfo } from "./routes/docs.js";
export { decodeMasterKey } from "./security/masterKey.js";
export { MemoryRateLimitRepository } from "./security/memoryCounters.js";
export { makeDataPrivate, type TightenedMode } from "./security/privateFiles.js";
export {
  defaultKeyGuessingLimits,
  defaultProofGuessingLimits,
  type KeyGuessingLimits,
  type ProofGuessingLimits,
  RateLimits,
} from "./security/rateLimits.js";
export { type RecoveredToken, type RecoverOptions, recoverAdminToken } from "./security/recoverToken.js";
export { type OpenedRateLimits, openRateLimits, type RateLimitBackend } from "./security/sharedRateLimits.js";
export { type RunningServer, type StartOptions, startServer } from "./serve.js";
