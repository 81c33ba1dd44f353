/**
 * A collector name (`platform/version`, e.g. `linux/2`) in 8 bits: 3 for the platform, 5 for the version.
 * Platforms outside the list read as `other`; versions from 31 on read as 31.
 */
export const COLLECTOR_PLATFORMS = [
  "other",
  "windows",
  "linux",
  "macos",
  "android",
  "ios",
  "freebsd",
  "web",
] as const;
export const COLLECTOR_PLATFORM_BITS = 3;
export const COLLECTOR_VERSION_BITS = 5;
const MAX_VERSION = 2 ** COLLECTOR_VERSION_BITS - 1;

export interface CollectorCode {
  /** Index in `COLLECTOR_PLATFORMS`. */
  readonly platform: number;
  readonly version: number;
}

/**
 * The code of a collector name.
 * @example
 * collectorCode("linux/2"); // { platform: 2, version: 2 }
 */
export function collectorCode(collector: string): CollectorCode {
  const slash = collector.lastIndexOf("/");
  const name = (slash < 0 ? collector : collector.slice(0, slash)).toLowerCase();
  const version = slash < 0 ? 0 : Number.parseInt(collector.slice(slash + 1), 10);
  const platform = Math.max(0, (COLLECTOR_PLATFORMS as readonly string[]).indexOf(name));
  return { platform, version: Number.isFinite(version) ? Math.min(Math.max(version, 0), MAX_VERSION) : 0 };
}

/**
 * The collector name a code stands for.
 * @example
 * collectorName({ platform: 2, version: 2 }); // "linux/2"
 */
export const collectorName = (code: CollectorCode): string =>
  `${COLLECTOR_PLATFORMS[code.platform] ?? "other"}/${code.version}`;
