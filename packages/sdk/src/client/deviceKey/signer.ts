import { deviceSecretText, newDeviceSecret } from "@ninsho/core";
import type { DeviceKeyStore } from "./store.js";

/**
 * The device's secret as the online operations use it: read from its store once per client (a key chain or
 * PowerShell call costs tens of milliseconds), made on the device the first time it registers one.
 *
 * @example
 * const signer = new DeviceSigner(platformKeyStore({ platform: process.platform, storageDir, productId }));
 * const secret = await signer.current(); // undefined before the first activation with a secret
 */
export class DeviceSigner {
  private loaded: Promise<Buffer | undefined> | undefined;

  constructor(readonly store: DeviceKeyStore) {}

  /** The secret this device registered, if it has one here. */
  current(): Promise<Buffer | undefined> {
    this.loaded ??= this.store.load().catch(() => undefined);
    return this.loaded;
  }

  /**
   * The secret an activation or transfer registers: the one this device holds, else a new one. Kept, not made
   * anew each time, so a refused re-activation (a suspended license) leaves the device able to prove itself.
   */
  async forRegistration(): Promise<{ readonly secret: Buffer; readonly secretText: string } | undefined> {
    const held = await this.current();
    if (!held) return this.fresh();
    return { secret: held, secretText: deviceSecretText(held) };
  }

  /**
   * A new secret, kept in the store before the request that registers it is sent (so a reply lost on the
   * way still leaves the device holding the secret the server took). `undefined` when the store cannot keep
   * it: the request then goes without a secret, as an older SDK's did, rather than lock the user out.
   */
  async fresh(): Promise<{ readonly secret: Buffer; readonly secretText: string } | undefined> {
    const secret = newDeviceSecret();
    try {
      await this.store.save(secret);
    } catch {
      return undefined;
    }
    this.loaded = Promise.resolve(secret);
    return { secret, secretText: deviceSecretText(secret) };
  }
}
