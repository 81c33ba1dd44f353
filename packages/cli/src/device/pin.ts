import type { Locale } from "@ninsho/core";
import type { DeviceConfig } from "./config.js";
import { DeviceExitCode } from "./exit.js";
import { DeviceFailure } from "./failure.js";
import { get } from "./network.js";
import { loadTrust, parseKeys, readGivenKeys, saveTrust, type Trust } from "./trust.js";

/**
 * The trust a command works with, and whether it was pinned just now (activate reports that).
 * @example
 * const { trust, pinnedNow } = await resolveTrust(config, { pin: true }, locale);
 */
export interface ResolvedTrust {
  readonly trust?: Trust;
  readonly pinnedNow: boolean;
}

const JWKS_TIMEOUT_MS = 10_000;

/**
 * Fetch the server's JWKS and pin it in the state folder: trust on first use.
 * @example
 * const trust = await pinFromServer(config, "en");
 */
export async function pinFromServer(config: DeviceConfig, locale: Locale): Promise<Trust> {
  const got = await get(`${config.url}/.well-known/jwks.json`, JWKS_TIMEOUT_MS);
  if (!got.ok) {
    if (got.failure === "timeout") {
      throw DeviceFailure.of(DeviceExitCode.unreachable, "SERVER_TIMEOUT", locale, {
        seconds: JWKS_TIMEOUT_MS / 1000,
      });
    }
    if (got.failure === "tls") {
      throw DeviceFailure.of(DeviceExitCode.unreachable, "TLS_FAILED", locale, {
        url: config.url,
        cause: got.cause,
      });
    }
    throw DeviceFailure.of(DeviceExitCode.unreachable, "SERVER_UNREACHABLE", locale, { url: config.url });
  }
  if (got.status >= 500) {
    throw DeviceFailure.of(DeviceExitCode.serverError, "SERVER_ERROR", locale, { status: got.status });
  }
  let keys: ReturnType<typeof parseKeys>;
  try {
    keys = parseKeys(got.text);
  } catch {
    throw DeviceFailure.of(DeviceExitCode.serverError, "RESPONSE_INVALID", locale, {});
  }
  const trust: Trust = {
    origin: "server",
    url: config.url,
    pinnedAt: new Date(config.now()).toISOString(),
    keys,
  };
  await saveTrust(config.dir, trust);
  return trust;
}

/**
 * The keys to verify with: the vendor's (`--public-key` / NINSHO_PUBLIC_KEYS) first, else those saved in the
 * folder, else — only when `pin` is set (activation) — the server's JWKS, pinned now. `repin` replaces a pin
 * from the server (after a key rotation the vendor announced). With `pin`, given keys are saved too, so later
 * commands need not repeat them.
 * @example
 * const { trust } = await resolveTrust(config, { pin: false }, "en"); // status: never goes online
 */
export async function resolveTrust(
  config: DeviceConfig,
  mode: { readonly pin: boolean; readonly repin?: boolean },
  locale: Locale,
): Promise<ResolvedTrust> {
  if (config.publicKeys !== undefined) {
    let keys: ReturnType<typeof parseKeys>;
    try {
      keys = await readGivenKeys(config.publicKeys);
    } catch (error) {
      const cause = error instanceof Error ? error.message : String(error);
      throw DeviceFailure.of(DeviceExitCode.usage, "BAD_PUBLIC_KEY", locale, { cause });
    }
    const trust: Trust = { origin: "given", keys, pinnedAt: new Date(config.now()).toISOString() };
    if (mode.pin) await saveTrust(config.dir, trust);
    return { trust, pinnedNow: false };
  }
  const saved = await loadTrust(config.dir);
  if (saved && !(mode.repin && saved.origin === "server")) return { trust: saved, pinnedNow: false };
  if (!mode.pin) return saved ? { trust: saved, pinnedNow: false } : { pinnedNow: false };
  return { trust: await pinFromServer(config, locale), pinnedNow: true };
}
