import type { Collector } from "./collector.js";
import { linuxV2 } from "./linux/collectors.js";
import { detectLinuxEnvironment } from "./linux/environment.js";
import { macosV1 } from "./macos/collectors.js";
import { detectMacEnvironment } from "./macos/environment.js";
import type { FingerprintSource } from "./source.js";
import type { Environment } from "./types.js";
import { windowsV1 } from "./windows/collectors.js";
import { detectWindowsEnvironment } from "./windows/environment.js";

interface Platform {
  readonly collector: Collector;
  readonly detect: (source: FingerprintSource) => Promise<Environment>;
}

/** The current collector of each OS, by Node's `process.platform` name. */
const PLATFORMS: Readonly<Record<string, Platform>> = {
  linux: { collector: linuxV2, detect: detectLinuxEnvironment },
  darwin: { collector: macosV1, detect: detectMacEnvironment },
  win32: { collector: windowsV1, detect: detectWindowsEnvironment },
};

/**
 * The current collector and environment check for a platform (`linux`, `darwin`, `win32`), or
 * `undefined` where none exists.
 *
 * @example
 * platformFor("linux")?.collector.name; // "linux/2"
 */
export function platformFor(platform: string): Platform | undefined {
  return Object.hasOwn(PLATFORMS, platform) ? PLATFORMS[platform] : undefined;
}
