import { homedir } from "node:os";
import { join } from "node:path";
import type { Locale } from "@ninsho/core";
import { isRecord } from "@ninsho/core";
import type { PreinstalledKeyOptions } from "@ninsho/sdk";
import { DEFAULT_URL } from "../admin/context.js";
import { DeviceExitCode } from "./exit.js";
import { DeviceFailure } from "./failure.js";
import { CLI_FILES, readJson } from "./files.js";
import { DEVICE_NOW_ENV, deviceClock } from "./now.js";

/**
 * The options every device command takes.
 * @example
 * const options: DeviceOptions = { dir: "/var/lib/acme/license", product: "prd_01…", json: true };
 */
export interface DeviceOptions {
  readonly url?: string;
  readonly dir?: string;
  readonly product?: string;
  readonly publicKey?: string;
  readonly keyFile?: string;
  readonly salt?: string;
  readonly json?: boolean;
}

/**
 * Test-only: a JSON file with the fingerprint (and environment) to report instead of this machine's.
 * @example
 * process.env[DEVICE_FINGERPRINT_ENV] = "/tmp/machine-a.json"; // {"fingerprint":{"collector":"test/1","components":[…]}}
 */
export const DEVICE_FINGERPRINT_ENV = "NINSHO_DEVICE_FINGERPRINT";

/**
 * The environment variable a vendor or OEM may set to a preinstalled product key.
 * @example
 * process.env[PREINSTALLED_KEY_ENV] = "JYTG9-X6CJ6-JGC3R-8V6Q9-48HP2"; // found at the first run
 */
export const PREINSTALLED_KEY_ENV = "NINSHO_PRODUCT_KEY";

/**
 * Where a device command works, resolved from options, the environment and the folder's `cli.json`.
 * @example
 * const config: DeviceConfig = await resolveConfig(options, io.env, locale);
 */
export interface DeviceConfig {
  readonly url: string;
  readonly dir: string;
  readonly productId: string;
  /** The product's fingerprint salt the vendor ships (`--salt`, NINSHO_SALT or the folder's): the SDK's `productSalt`. */
  readonly productSalt?: string;
  /** `--public-key` or NINSHO_PUBLIC_KEYS as given (a file path, inline JSON or PEM), if any. */
  readonly publicKeys?: string;
  readonly now: () => number;
  /** Whether NINSHO_DEVICE_NOW moved the clock (test-only), so output can say so. */
  readonly clockOverridden: boolean;
  readonly fingerprintFile?: string;
  readonly preinstalled: PreinstalledKeyOptions;
  readonly env: Readonly<Record<string, string | undefined>>;
}

type Env = Readonly<Record<string, string | undefined>>;

const set = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === "" ? undefined : value.trim();

/**
 * The default state folder of a product for this user, when neither --dir nor NINSHO_DEVICE_DIR gives one.
 * @example
 * defaultDir("prd_01…", process.env, "linux"); // "/home/ada/.local/state/ninsho/prd_01…"
 */
export function defaultDir(productId: string, env: Env, platform: string = process.platform): string {
  if (platform === "win32") return join(set(env.LOCALAPPDATA) ?? homedir(), "Ninsho", productId);
  if (platform === "darwin") return join(homedir(), "Library", "Application Support", "Ninsho", productId);
  return join(set(env.XDG_STATE_HOME) ?? join(homedir(), ".local", "state"), "ninsho", productId);
}

async function storedSettings(
  dir: string,
): Promise<{ productId?: string; url?: string; productSalt?: string }> {
  const read = await readJson(join(dir, CLI_FILES.settings));
  if (read.kind !== "value" || !isRecord(read.value)) return {};
  const { productId, url, productSalt } = read.value;
  return {
    ...(typeof productId === "string" ? { productId } : {}),
    ...(typeof url === "string" ? { url } : {}),
    ...(typeof productSalt === "string" ? { productSalt } : {}),
  };
}

function preinstalled(options: DeviceOptions, env: Env): PreinstalledKeyOptions {
  const file = set(options.keyFile) ?? set(env.NINSHO_KEY_FILE);
  const registryKey = set(env.NINSHO_KEY_REGISTRY);
  return {
    ...(file === undefined ? {} : { file }),
    env: PREINSTALLED_KEY_ENV,
    ...(registryKey === undefined
      ? {}
      : { registry: { key: registryKey, value: set(env.NINSHO_KEY_REGISTRY_VALUE) ?? "ProductKey" } }),
  };
}

/**
 * Resolve a device command's configuration. Precedence: option, then environment, then what the folder's
 * `cli.json` remembers from the last activation, then the default. Throws a `DeviceFailure` (exit 2).
 * @example
 * const config = await resolveConfig({ dir: "./license" }, { NINSHO_PRODUCT: "prd_01…" }, "en");
 */
export async function resolveConfig(options: DeviceOptions, env: Env, locale: Locale): Promise<DeviceConfig> {
  const named = set(options.product) ?? set(env.NINSHO_PRODUCT);
  const explicitDir = set(options.dir) ?? set(env.NINSHO_DEVICE_DIR);
  if (explicitDir === undefined && named === undefined) {
    throw DeviceFailure.of(DeviceExitCode.usage, "NO_PRODUCT", locale);
  }
  const dir = explicitDir ?? defaultDir(named ?? "", env);
  const stored = await storedSettings(dir);
  const productId = named ?? stored.productId;
  if (productId === undefined) {
    throw DeviceFailure.of(DeviceExitCode.usage, "NO_PRODUCT", locale);
  }
  const url = (set(options.url) ?? set(env.NINSHO_URL) ?? stored.url ?? DEFAULT_URL).replace(/\/+$/, "");
  if (!/^https?:\/\/[^/]/.test(url)) {
    throw DeviceFailure.of(DeviceExitCode.usage, "BAD_URL", locale, { url });
  }
  const nowText = set(env[DEVICE_NOW_ENV]);
  const now = deviceClock(nowText);
  if (now === undefined) {
    throw DeviceFailure.of(DeviceExitCode.usage, "BAD_DEVICE_NOW", locale, { value: nowText ?? "" });
  }
  const publicKeys = set(options.publicKey) ?? set(env.NINSHO_PUBLIC_KEYS);
  const fingerprintFile = set(env[DEVICE_FINGERPRINT_ENV]);
  // The folder's salt belongs to the folder's product only: naming another product needs its own salt.
  const storedSalt = stored.productId === productId ? set(stored.productSalt) : undefined;
  const productSalt = set(options.salt) ?? set(env.NINSHO_SALT) ?? storedSalt;
  return {
    url,
    dir,
    productId,
    ...(productSalt === undefined ? {} : { productSalt }),
    ...(publicKeys === undefined ? {} : { publicKeys }),
    now,
    clockOverridden: nowText !== undefined,
    ...(fingerprintFile === undefined ? {} : { fingerprintFile }),
    preinstalled: preinstalled(options, env),
    env,
  };
}
