import type { Device, License, Policy, SigningKey } from "@ninsho/core";
import type { ServerDeps } from "../../src/deps.js";
import { type IssuedLease, LeaseIssuer } from "../../src/services/leases.js";

/**
 * The server's dependencies with a lease issuer that has nothing cached, as a process just started has (or
 * one whose cache a large fleet at random has long evicted), counting the leases it is asked to re-create:
 * recognising a presented lease asks for one only when the device row's digest did not recognise it, and with
 * nothing cached each is an Ed25519 sign.
 * @example
 * const { deps, recreated } = freshIssuer(t.deps);
 * expect(await currentLease(deps, lease)).toBeDefined();
 * expect(recreated()).toBe(0);
 */
export function freshIssuer(base: ServerDeps): { deps: ServerDeps; recreated: () => number } {
  let count = 0;
  class Counting extends LeaseIssuer {
    override lease(key: SigningKey, license: License, policy: Policy, device: Device): IssuedLease {
      count += 1;
      return super.lease(key, license, policy, device);
    }
  }
  const deps: ServerDeps = { ...base, leases: new Counting() };
  return {
    deps,
    recreated: () => {
      const seen = count;
      count = 0;
      return seen;
    },
  };
}
