import { parseDeviceSecret, type Secrets, seal, unseal } from "@ninsho/core";

/**
 * Device secrets at rest: sealed (AES-256-GCM under the sealing key derived from the master key), bound to
 * their device's id, so a stolen database or backup without the master key makes no device proof, and a
 * sealed secret moved to another device's row does not open.
 */
const context = (deviceId: string) => `device-secret:${deviceId}`;

/**
 * @example
 * const device: Device = { ...created, deviceSecret: sealDeviceSecret(deps.secrets, body.deviceSecret, created.id) };
 */
export const sealDeviceSecret = (secrets: Secrets, secretText: string, deviceId: string): string =>
  seal(secrets, secretText, context(deviceId));

const CACHE_LIMIT = 50_000;
/**
 * Unsealed secrets by device and sealed text. An unseal costs 6–12 µs, a third to a half again of the rest of a
 * proof check (17–27 µs, `bench/proof/cost.ts`); a device validates often, so a hit saves it. Keyed by the sealed text too, so
 * a new registration (a new sealed text) never meets the old secret. Only sealed values read from device
 * records enter it, never anything a request offers. The process holds the master key that opens them all
 * anyway, so keeping some open in memory exposes nothing more.
 */
const opened = new Map<string, Buffer>();

/**
 * The device's secret, or `undefined` when the sealed value does not open (altered, another device's, or
 * sealed under another master key): the device then cannot prove itself until it registers a secret again.
 *
 * @example
 * const secret = openDeviceSecret(deps.secrets, device.deviceSecret, device.id);
 */
export function openDeviceSecret(secrets: Secrets, sealed: string, deviceId: string): Buffer | undefined {
  const cacheKey = `${deviceId}\n${sealed}`;
  const cached = opened.get(cacheKey);
  if (cached) return cached;
  let secret: Buffer | undefined;
  try {
    secret = parseDeviceSecret(unseal(secrets, sealed, context(deviceId)));
  } catch {
    return undefined;
  }
  if (!secret) return undefined;
  if (opened.size >= CACHE_LIMIT) {
    const oldest = opened.keys().next();
    if (!oldest.done) opened.delete(oldest.value);
  }
  opened.set(cacheKey, secret);
  return secret;
}
