import { randomBytes } from "node:crypto";
import { type BenchAdmin, randomFingerprint } from "./fixtures.js";

const nonce = () => randomBytes(16).toString("base64url");

/** Activate `devices` keys once each, and cycle validation bodies for them, each with a fresh nonce. */
export async function validationBodies(admin: BenchAdmin, keys: string[], devices: number) {
  const bodies: string[] = [];
  for (const key of keys.slice(0, devices)) {
    const fingerprint = randomFingerprint();
    await admin.activate(key, fingerprint);
    bodies.push(JSON.stringify({ key, fingerprint, nonce: "NONCE_PLACEHOLDER_XX" }));
  }
  let i = 0;
  return () => (bodies[i++ % bodies.length] ?? "").replace("NONCE_PLACEHOLDER_XX", nonce());
}

/** Activation bodies: a new machine each time, over `keys` of a policy with room for all of them. */
export function activationBodies(keys: string[]) {
  let a = 0;
  return () =>
    JSON.stringify({
      key: keys[a++ % keys.length],
      fingerprint: randomFingerprint(),
      device: { name: "bench", platform: "linux" },
    });
}
