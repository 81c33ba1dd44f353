export { type CollectOptions, collectFingerprint } from "./collect.js";
export { type Collector, collectorChain } from "./collector.js";
export { type BuiltSet, buildComponentSet } from "./componentSet.js";
export { componentDigest } from "./digest.js";
export { linuxV1, linuxV2 } from "./linux/collectors.js";
export { macosV1 } from "./macos/collectors.js";
export { type NodeSourceOptions, nodeSource } from "./nodeSource.js";
export { isPlaceholder, normalizeValue } from "./normalize.js";
export { ramBucket } from "./ramBucket.js";
export { type FingerprintSource, memoizeSource } from "./source.js";
export {
  COMPONENT_KINDS,
  type ComponentKind,
  type Environment,
  type FingerprintResult,
  type MissingReason,
  type RawReading,
  type UnreadableKind,
} from "./types.js";
export { windowsV1 } from "./windows/collectors.js";
