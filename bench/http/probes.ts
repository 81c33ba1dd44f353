import { randomBytes } from "node:crypto";
import { signDeviceProof } from "@ninsho/core";

const nonce = () => randomBytes(16).toString("base64url");

/**
 * Keeps the lease of each activated device from the activation answers, with the device secret its activation
 * registered (found by the answer's `fingerprintDigest`), to deactivate them later as the SDK does: each
 * deactivation proven with the device's secret.
 */
export class Leases {
  private readonly leases: { readonly lease: string; readonly key: Buffer | undefined }[] = [];
  private used = 0;

  constructor(private readonly deviceKeyFor: (fingerprintDigest: string) => Buffer | undefined) {}

  readonly keep = (answer: string): void => {
    const lease = /"lease":"([^"]+)"/.exec(answer)?.[1];
    const digest = /"fingerprintDigest":"([0-9a-f]+)"/.exec(answer)?.[1];
    if (lease) this.leases.push({ lease, key: digest ? this.deviceKeyFor(digest) : undefined });
  };

  get count(): number {
    return this.leases.length;
  }

  /** Deactivation bodies, each lease once, with the device's proof. */
  readonly deactivation = (): string => {
    const held = this.leases[this.used++ % this.leases.length];
    const body = { lease: held?.lease ?? "", nonce: nonce() };
    if (!held?.key) return JSON.stringify(body);
    const proof = signDeviceProof(held.key, { path: "/v1/deactivations", body, at: new Date() });
    return JSON.stringify({ ...body, proof });
  };
}
