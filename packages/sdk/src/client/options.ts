import { hostname } from "node:os";
import type { Fingerprint, Locale } from "@ninsho/core";
import { collectFingerprint } from "../fingerprint/index.js";
import { checkOfflineOption, type OfflineKey } from "../offline/phoneLease.js";
import type { BackoffOptions } from "./backoff.js";
import { DEFAULT_CLOCK_TOLERANCE_MS } from "./clockMarks.js";
import { platformKeyStore } from "./deviceKey/platform.js";
import type { DeviceKeyStore } from "./deviceKey/store.js";
import type { PreinstalledKeyOptions } from "./preinstalled/discover.js";
import { type RegistryReader, readRegistryWithReg } from "./preinstalled/registry.js";
import type { PublicKeysInput } from "./publicKeys.js";
import { fingerprintSalt } from "./salt.js";
import { defaultRecordDir } from "./storage/verdictRecord.js";

/**
 * Options of `createClient`. Only `url`, `productId`, `storageDir` and `productSalt` are required (the salt
 * unless `fingerprint` is given), and `publicKeys` for anything that verifies (a lease, an answer); the rest have defaults that suit a desktop app, and the injectable parts (`fetch`, `now`, `fingerprint`, `env`,
 * `platform`, `readRegistry`, `backoff.random`) exist for tests and unusual hosts.
 *
 * @example
 * const options: ClientOptions = {
 *   url: "https://activation.example.com",
 *   productId: "prd_01M7Y06QAFRMGX66H6FV39GP2Y",
 *   publicKeys: jwks, // the server's /.well-known/jwks.json, shipped inside the app
 *   productSalt: FINGERPRINT_SALT, // the product's fingerprintSalt, shipped inside the app too
 *   storageDir: join(appDataDir, "license"),
 * };
 */
export interface ClientOptions {
  /** The activation server, e.g. `https://activation.example.com`. */
  readonly url: string;
  readonly productId: string;
  /**
   * The product's public keys, shipped with the app: never fetched at run time, so no one can swap them.
   * Without them a client still installs a key and shows its status; activating, validating a lease and
   * every other operation that verifies something fails with PUBLIC_KEYS_MISSING (and a lease found in the
   * folder is kept, unverified, until keys are given).
   */
  readonly publicKeys?: PublicKeysInput;
  /** This product's state folder on this machine (lease, state, install secret). One folder per product. */
  readonly storageDir: string;
  /**
   * Where the SDK keeps a second record of the newest signed verdict and the clock's high-water marks, outside
   * `storageDir`, so deleting or restoring the state folder undoes neither (default: a per-user folder,
   * `$XDG_DATA_HOME/ninsho-verdicts` when that is set, else `~/.local/share/ninsho-verdicts`,
   * `%LOCALAPPDATA%\Ninsho Verdicts` or `~/Library/Application Support/Ninsho Verdicts`).
   */
  readonly recordDir?: string;
  /**
   * Salt of the fingerprint's digests: the product's `fingerprintSalt` (admin API), shipped with the app.
   * Required unless `fingerprint` is given; without it `createClient` throws PRODUCT_SALT_MISSING (the public
   * product id is no salt: anyone could search a digest for the MAC address or serial behind it).
   */
  readonly productSalt?: string;
  /** How to read this machine's fingerprint (default: the SDK's collectors). */
  readonly fingerprint?: () => Promise<Fingerprint>;
  /** How the device is named on the server (default: the host name and OS). */
  readonly device?: { readonly name?: string; readonly platform?: string };
  /** How requests are sent (default the global `fetch`), e.g. one with a proxy agent. */
  readonly fetch?: typeof globalThis.fetch;
  /** The clock, in epoch milliseconds or a Date (default `Date.now`). */
  readonly now?: () => number | Date;
  /** Deadline of one request, in milliseconds (default 10 s). */
  readonly timeoutMs?: number;
  /** Share of a lease after which a background refresh starts (default 0.5). */
  readonly refreshFraction?: number;
  /** Where a vendor or OEM may have placed a key, found at first run. */
  readonly preinstalledKey?: PreinstalledKeyOptions;
  /** Go online and activate when a key is installed but there is no lease (default true). */
  readonly autoActivate?: boolean;
  /** Language of messages and remedies (default: from the system locale, else English). */
  readonly locale?: Locale;
  /** How far the clock may stand behind a time already seen before it counts as set back (default 24 h). */
  readonly clockToleranceMs?: number;
  readonly backoff?: BackoffOptions;
  /** Environment searched for a preinstalled key (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Operating system, for the registry search (default `process.platform`). */
  readonly platform?: string;
  /** How registry values are read (default `reg query`). */
  readonly readRegistry?: RegistryReader;
  /**
   * The product's number and offline public key (`GET /v1/products/{id}/offline-key`), shipped with the app
   * like `publicKeys`, for phone activation. Without it the SDK fetches them once, certified with the product's signing key, and uses
   * them only while that certificate verifies with `publicKeys`; with neither, phone activation is refused
   * (OFFLINE_KEY_NOT_SHIPPED).
   */
  readonly offline?: OfflineKey;
  /**
   * Where the device's secret is kept (default: DPAPI on Windows, the login key chain on macOS, a 0600
   * file `device.key` in `storageDir` elsewhere). The secret (32 random bytes) is made at activation and sent
   * to the server once, to register it; requests that act as this device carry an HMAC by it.
   */
  readonly deviceKeyStore?: DeviceKeyStore;
}

/**
 * The options with every default applied.
 *
 * @example
 * const resolved: ResolvedOptions = resolveOptions({ url, productId, publicKeys, storageDir });
 * resolved.refreshFraction; // 0.5
 */
export interface ResolvedOptions {
  readonly url: string;
  readonly productId: string;
  readonly storageDir: string;
  readonly recordDir: string;
  readonly fingerprint: () => Promise<Fingerprint>;
  readonly device: { readonly name: string; readonly platform: string };
  readonly fetch: typeof globalThis.fetch;
  readonly now: () => number;
  readonly timeoutMs: number;
  readonly refreshFraction: number;
  readonly preinstalledKey: PreinstalledKeyOptions;
  readonly autoActivate: boolean;
  readonly locale: Locale;
  readonly clockToleranceMs: number;
  readonly backoff: BackoffOptions;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: string;
  readonly readRegistry: RegistryReader;
  readonly offline?: OfflineKey;
  readonly deviceKeys: DeviceKeyStore;
}

const PLATFORM_NAMES: Record<string, string> = { win32: "windows", darwin: "macos", linux: "linux" };

const systemLocale = (): Locale => {
  const tag = Intl.DateTimeFormat().resolvedOptions().locale;
  return tag.toLowerCase().startsWith("ja") ? "ja" : "en";
};

/** The collector is slow on some systems (a PowerShell start on Windows): read once per client. */
const memoize = (read: () => Promise<Fingerprint>): (() => Promise<Fingerprint>) => {
  let pending: Promise<Fingerprint> | undefined;
  return () => {
    pending ??= read().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
};

/**
 * @example
 * const resolved = resolveOptions({ url: "https://activation.example.com", productId, publicKeys, storageDir });
 * resolved.timeoutMs; // 10_000
 */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  if (!/^https?:\/\//.test(options.url))
    throw new TypeError(`url must be an http(s) URL, not "${options.url}"`);
  const fraction = options.refreshFraction ?? 0.5;
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError("refreshFraction must be in (0, 1]");
  const salt = fingerprintSalt(options, options.locale ?? systemLocale());
  const now = options.now;
  const platform = options.platform ?? process.platform;
  return {
    url: options.url,
    productId: options.productId,
    storageDir: options.storageDir,
    recordDir: options.recordDir ?? defaultRecordDir(platform),
    fingerprint:
      options.fingerprint ??
      memoize(async () => (await collectFingerprint({ productSalt: salt })).fingerprint),
    device: {
      name: (options.device?.name ?? hostname()).slice(0, 128) || "device",
      platform: (options.device?.platform ?? PLATFORM_NAMES[platform] ?? platform).slice(0, 32),
    },
    fetch: options.fetch ?? globalThis.fetch,
    now: now === undefined ? Date.now : () => Number(now()),
    timeoutMs: options.timeoutMs ?? 10_000,
    refreshFraction: fraction,
    preinstalledKey: options.preinstalledKey ?? {},
    autoActivate: options.autoActivate ?? true,
    locale: options.locale ?? systemLocale(),
    clockToleranceMs: options.clockToleranceMs ?? DEFAULT_CLOCK_TOLERANCE_MS,
    backoff: options.backoff ?? {},
    env: options.env ?? process.env,
    platform,
    readRegistry: options.readRegistry ?? readRegistryWithReg,
    ...(options.offline === undefined ? {} : { offline: checkOfflineOption(options.offline) }),
    // The OS's own, not `platform` (which only says where to look for a preinstalled key).
    deviceKeys:
      options.deviceKeyStore ??
      platformKeyStore({
        platform: process.platform,
        storageDir: options.storageDir,
        productId: options.productId,
      }),
  };
}
