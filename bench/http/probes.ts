import { randomBytes } from "node:crypto";

const nonce = () => randomBytes(16).toString("base64url");

/** Keeps the lease of each activated device from the activation answers, to deactivate them later. */
export class Leases {
  private readonly leases: string[] = [];
  private used = 0;

  readonly keep = (answer: string): void => {
    const lease = /"lease":"([^"]+)"/.exec(answer)?.[1];
    if (lease) this.leases.push(lease);
  };

  get count(): number {
    return this.leases.length;
  }

  /** Deactivation bodies, each lease once. */
  readonly deactivation = (): string =>
    JSON.stringify({ lease: this.leases[this.used++ % this.leases.length], nonce: nonce() });
}
