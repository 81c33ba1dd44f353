import { parseDeviceSecret } from "@ninsho/core";

/**
 * Where a device's secret lives (the 32 random bytes its proofs are made with, see `deviceProof.ts` in
 * core). `load` answers `undefined` when there is none (never activated with one, or it was lost); a store
 * that fails to save throws, and the registration does not go ahead.
 *
 * @example
 * const secret = (await store.load()) ?? newDeviceSecret();
 */
export interface DeviceKeyStore {
  /** What the secret is kept in, for the status and the docs: "file", "keychain" or "dpapi". */
  readonly kind: "file" | "keychain" | "dpapi";
  /** The device's secret, or `undefined` when this store holds none (or none it can read). */
  load(): Promise<Buffer | undefined>;
  /** Keep `secret` in place of any before; throws when the store refuses it. */
  save(secret: Buffer): Promise<void>;
  /** Forget the secret (nothing happens when there is none). */
  remove(): Promise<void>;
}

/**
 * The secret as the stores keep it: base64 (one line, for a key chain's password field).
 *
 * @example
 * const text = exportSecret(secret); // "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
 */
export const exportSecret = (secret: Buffer): string => secret.toString("base64");

/**
 * Read a secret kept by `exportSecret`, or `undefined` when the text is not 32 bytes (a key an older SDK kept
 * there included: the device then registers a new secret).
 *
 * @example
 * const secret = importSecret(stdout.trim());
 */
export function importSecret(text: string): Buffer | undefined {
  const bytes = Buffer.from(text.trim(), "base64");
  return parseDeviceSecret(bytes.toString("base64url"));
}
