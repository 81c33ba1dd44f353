import type { Device, License, Policy, SigningKey } from "@ninsho/core";
import type { Repositories } from "@ninsho/store";
import type { ServerDeps } from "../deps.js";
import type { IssuedLease } from "./leases.js";

/**
 * Issue a device's lease inside the transaction that wrote the device, and keep its digest in the device row
 * (`Device.leaseDigest`), so the device's next validation recognises this lease with one hash instead of a
 * signature (`presentedLease.ts`). Every path that hands a device a new lease goes through here (activation,
 * transfer, license file; a refresh writes it with the device in `validate.ts`). Signing here also warms the
 * issuer's cache for the answer.
 * @example
 * const lease = await issueRecorded(deps, tx, { key, license, policy, device });
 */
export async function issueRecorded(
  deps: ServerDeps,
  tx: Pick<Repositories, "devices">,
  state: { key: SigningKey; license: License; policy: Policy; device: Device },
): Promise<IssuedLease> {
  const { key, license, policy, device } = state;
  const { lease, digest } = deps.leases.issue(key, license, policy, device);
  if (device.leaseDigest !== digest) await tx.devices.update(device.id, { leaseDigest: digest });
  return lease;
}
