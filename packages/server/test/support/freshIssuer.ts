import { signLease } from "@ninsho/core";
import type { ServerDeps } from "../../src/deps.js";
import { LeaseIssuer } from "../../src/services/leases.js";

/**
 * The server's dependencies with a lease issuer that has nothing cached, as a process just started has (or
 * one whose cache a large fleet at random has long evicted), counting the leases it signs (core's real
 * `signLease`, counted): recognising a presented lease signs one only when the device row's digest did not
 * recognise it.
 * @example
 * const { deps, signed } = freshIssuer(t.deps);
 * expect(await currentLease(deps, lease)).toBeDefined();
 * expect(signed()).toBe(0);
 */
export function freshIssuer(base: ServerDeps): { deps: ServerDeps; signed: () => number } {
  let count = 0;
  const leases = new LeaseIssuer((...args) => {
    count += 1;
    return signLease(...args);
  });
  return {
    deps: { ...base, leases },
    signed: () => {
      const seen = count;
      count = 0;
      return seen;
    },
  };
}
