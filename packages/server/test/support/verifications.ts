import type { TestServer } from "./server.js";

/**
 * Count the times the server takes out its lease verifiers: validation by lease does so only on the path that
 * verifies the presented lease's Ed25519 signature. The keyring itself still answers (a wrapper, not a mock).
 * @example
 * const verified = countLeaseVerifications(t);
 * await t.validate({ lease }, fp);
 * expect(verified()).toBe(0);
 */
export function countLeaseVerifications(t: TestServer): () => number {
  const keyring = t.deps.keyring;
  const original = keyring.leaseVerifiers.bind(keyring);
  let count = 0;
  keyring.leaseVerifiers = (kid) => {
    count += 1;
    return original(kid);
  };
  return () => {
    const seen = count;
    count = 0;
    return seen;
  };
}
