import { randomBytes } from "node:crypto";
import { type BenchAdmin, type BenchFingerprint, randomFingerprint } from "./fixtures.js";

const nonce = () => randomBytes(16).toString("base64url");
const PLACEHOLDER = "NONCE_PLACEHOLDER_XX";

/** Run `work` over `items`, `width` at a time. */
async function eachAtOnce<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: width }, lane));
}

/**
 * Activate one machine on each key (8 at a time), and cycle validation bodies for them by key, each with a
 * fresh nonce as a real client's would have.
 */
export async function probeBodies(admin: BenchAdmin, keys: readonly string[]): Promise<() => string> {
  const bodies: string[] = [];
  await eachAtOnce(keys, 8, async (key) => {
    const fingerprint: BenchFingerprint = randomFingerprint();
    await admin.activate(key, fingerprint);
    bodies.push(JSON.stringify({ key, fingerprint, nonce: PLACEHOLDER }));
  });
  let i = 0;
  return () => (bodies[i++ % bodies.length] ?? "").replace(PLACEHOLDER, nonce());
}

/** Activation bodies: a new machine each time, over keys of a policy with room for all of them. */
export function newMachineBodies(keys: readonly string[]): () => string {
  let a = 0;
  return () =>
    JSON.stringify({
      key: keys[a++ % keys.length],
      fingerprint: randomFingerprint(),
      device: { name: "bench", platform: "linux" },
    });
}

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
