export type { AcceptedFingerprint } from "./accepted.js";
export type { ActivateOptions, ClientResult, NinshoClient, ValidateOptions } from "./api.js";
export { BACKOFF_DEFAULTS, type BackoffOptions, backoffCeiling, backoffDelay } from "./backoff.js";
export { DEFAULT_CLOCK_TOLERANCE_MS } from "./clockMarks.js";
export { createClient } from "./createClient.js";
export { dpapiKeyStore } from "./deviceKey/dpapi.js";
export { deviceKeyPath, fileKeyStore } from "./deviceKey/fileStore.js";
export { keychainAccount, keychainKeyStore } from "./deviceKey/keychain.js";
export { platformKeyStore } from "./deviceKey/platform.js";
export type { DeviceKeyStore } from "./deviceKey/store.js";
export type { ToolCommand, ToolRunner } from "./deviceKey/tool.js";
export { formatDuration } from "./duration.js";
export { describeKeySource } from "./keySource.js";
export type { ClientOptions } from "./options.js";
export type {
  AccountActivationOptions,
  DeviceCodePrompt,
  TransferOptions,
  TransferProof,
} from "./ownership.js";
export {
  type Discovery,
  type DiscoveryContext,
  discoverPreinstalledKey,
  type PreinstalledKeyOptions,
} from "./preinstalled/discover.js";
export {
  parseRegQuery,
  type RegistryReader,
  type RegistryValue,
  readRegistryWithReg,
} from "./preinstalled/registry.js";
export type { ClientProblem, ProblemSeed } from "./problem.js";
export type { PublicKeyInput, PublicKeysInput } from "./publicKeys.js";
export { ClientOptionError } from "./salt.js";
export { STATE_FILES } from "./storage/deviceStore.js";
export { writeAtomic } from "./storage/files.js";
export type {
  ClientEvents,
  ClientState,
  ClientStatus,
  ConnectionState,
  ConnectionStatus,
  KeySource,
  LeaseKind,
  RefreshOutcome,
  ServerDecision,
} from "./types.js";
