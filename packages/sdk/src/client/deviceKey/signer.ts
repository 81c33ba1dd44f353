import { createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { devicePublicKeyText } from "@ninsho/core";
import type { DeviceKeyStore } from "./store.js";

/**
 * The device's key as the online operations use it: read from its store once per client (a key chain or
 * PowerShell call costs tens of milliseconds), made on the device the first time it registers one.
 *
 * @example
 * const signer = new DeviceSigner(platformKeyStore({ platform: process.platform, storageDir, productId }));
 * const key = await signer.current(); // undefined before the first activation with a key
 */
export class DeviceSigner {
  private loaded: Promise<KeyObject | undefined> | undefined;

  constructor(readonly store: DeviceKeyStore) {}

  /** The key this device registered, if it has one here. */
  current(): Promise<KeyObject | undefined> {
    this.loaded ??= this.store.load().catch(() => undefined);
    return this.loaded;
  }

  /**
   * The key an activation or transfer registers: the one this device holds, else a new one. Kept, not made
   * anew each time, so a refused re-activation (a suspended license) leaves the device able to prove itself.
   */
  async forRegistration(): Promise<
    { readonly privateKey: KeyObject; readonly publicText: string } | undefined
  > {
    const held = await this.current();
    if (!held) return this.fresh();
    return { privateKey: held, publicText: devicePublicKeyText(createPublicKey(held)) };
  }

  /**
   * A new key pair, kept in the store before the request that registers it is sent (so a reply lost on the
   * way still leaves the device holding the key the server took). `undefined` when the store cannot keep
   * it: the request then goes without a key, as an older SDK's did, rather than lock the user out.
   */
  async fresh(): Promise<{ readonly privateKey: KeyObject; readonly publicText: string } | undefined> {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    try {
      await this.store.save(privateKey);
    } catch {
      return undefined;
    }
    this.loaded = Promise.resolve(privateKey);
    return { privateKey, publicText: devicePublicKeyText(publicKey) };
  }
}
