import { createPrivateKey, type KeyObject } from "node:crypto";

/**
 * Where a device's private key lives. `load` answers `undefined` when there is none (never activated with a
 * key, or the key was lost); a key store that fails to save throws, and the activation does not go ahead.
 *
 * @example
 * const key = (await store.load()) ?? (await store.create());
 */
export interface DeviceKeyStore {
  /** What the key is kept in, for the status and the docs: "file", "keychain" or "dpapi". */
  readonly kind: "file" | "keychain" | "dpapi";
  /** The device's private key, or `undefined` when this store holds none (or none it can read). */
  load(): Promise<KeyObject | undefined>;
  /** Keep `privateKey` in place of any key before; throws when the store refuses it. */
  save(privateKey: KeyObject): Promise<void>;
  /** Forget the key (nothing happens when there is none). */
  remove(): Promise<void>;
}

/**
 * The key as the stores keep it: PKCS#8 DER, base64 (one line, for a key chain's password field).
 *
 * @example
 * const text = exportKey(privateKey); // "MC4CAQAwBQYDK2VwBCIEI…"
 */
export const exportKey = (privateKey: KeyObject): string =>
  privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");

/**
 * Read a key kept by `exportKey`, or `undefined` when the text is not an Ed25519 private key.
 *
 * @example
 * const key = importKey(stdout.trim());
 */
export function importKey(text: string): KeyObject | undefined {
  try {
    const key = createPrivateKey({ key: Buffer.from(text.trim(), "base64"), format: "der", type: "pkcs8" });
    return key.asymmetricKeyType === "ed25519" ? key : undefined;
  } catch {
    return undefined;
  }
}
