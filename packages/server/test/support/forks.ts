/**
 * A perfect VM copy beside its owner, as the server sees it: the owner's machine and the copy present the same
 * components and the same copied lease, until the lineage establishes the fork (DEVICE_FORKED); then the owner
 * moves the license off the forked device with the code mailed to them.
 */
import { expect } from "vitest";
import { DAY } from "./clock.js";
import { type Fingerprint, machine } from "./fingerprints.js";
import { errorOf, str } from "./http.js";
import type { Catalogue, PolicyFields, TestServer } from "./server.js";
import { OWNER, ownedCatalogue, transferWithCode } from "./transfers.js";

export interface Forked {
  readonly c: Catalogue;
  /** What the owner's machine and its copy both present. */
  readonly fp: Fingerprint;
  /** The device the fork was established on. */
  readonly forkedId: string;
  /** The copy's lease (of the forked device). */
  readonly copyLease: string;
}

/**
 * A license sold to the owner, one device; a copy of the VM (lease included) refreshes beside it: the owner
 * splits off, the copy retries the parent, the owner's stale line is a first strike, the copy's line the fork.
 */
export async function forkedLicense(
  t: TestServer,
  fields: PolicyFields = {},
  email = OWNER,
): Promise<Forked> {
  const c = await ownedCatalogue(t, { maxDevices: 1, ...fields }, email);
  const fp = machine("cloned-vm");
  const { lease, deviceId } = await t.activated(c.key, fp);
  t.clock.advance(3 * DAY);
  const owner = str((await t.validate({ lease }, fp)).body, "lease");
  const copy = str((await t.validate({ lease }, fp)).body, "lease");
  await t.validate({ lease: owner }, fp);
  const forked = await t.validate({ lease: copy }, fp);
  expect(str(forked.body, "problem.code")).toBe("DEVICE_FORKED");
  return { c, fp, forkedId: deviceId, copyLease: copy };
}

/** The fork resolved by the owner: a transfer off the forked device, proven by the mailed code. */
export async function movedOffFork(t: TestServer, fields: PolicyFields = {}, email = OWNER) {
  const forked = await forkedLicense(t, fields, email);
  const move = { replacesDeviceId: forked.forkedId, fingerprint: forked.fp };
  const moved = await transferWithCode(t, forked.c.key, move, { email });
  if (moved.status !== 201) throw new Error(`transfer: ${moved.status} ${JSON.stringify(errorOf(moved))}`);
  return { ...forked, ownerId: str(moved.body, "device.id"), ownerLease: str(moved.body, "lease") };
}
