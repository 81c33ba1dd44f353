/**
 * Capability: copies of one activated machine (a cloned disk, a shared key) that call the public API with the
 * product key and the machine's fingerprint, as curl would: no lease, no device proof.
 * Attack: every copy validates by key, again and again, to get a fresh lease (or a `valid: true`) without ever
 * presenting the lease lineage that would show there are two of them.
 * Expected: validation by key answers the license's state (signed) but never hands out or refreshes a lease for
 * an existing device, and never says `valid: true` for it: DEVICE_PROOF_REQUIRED, until the device proves it
 * holds its own key. The device's counters do not move, so the owner's lease lineage is untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../testing/liveServer.js";
import { activate, machine, validate } from "./support/machines.js";

describe("attack: copies validate by key", () => {
  let server: LiveServer;
  beforeAll(async () => {
    server = await startLiveServer();
  });
  afterAll(() => server.dispose());

  it("two copies validating by key get the license's state, never a lease or valid: true", async () => {
    const license = await server.newLicense();
    const office = machine("shared-office-pc");
    const activated = await activate(server, license.key, office);
    expect(activated.status).toBe(201);
    const ownerLease = activated.body.lease ?? "";

    let leases = 0;
    let valid = 0;
    for (let day = 0; day < 30; day++) {
      for (const _copy of ["a", "b"]) {
        const answer = await validate(server, { key: license.key }, office);
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ state: "active", problem: { code: "DEVICE_PROOF_REQUIRED" } });
        if (answer.body.lease !== undefined) leases += 1;
        if (answer.body.valid === true) valid += 1;
      }
    }
    expect({ leases, valid }).toEqual({ leases: 0, valid: 0 });

    // The owner's own lineage was never touched: its lease still validates.
    const owner = await validate(server, { lease: ownerLease }, office);
    expect(owner.body).toMatchObject({ valid: true, state: "active" });
  });

  it("by key, a license that cannot be used still says so (signed), and another machine gets FINGERPRINT_MISMATCH", async () => {
    const license = await server.newLicense();
    const pc = machine("revoked-pc");
    expect((await activate(server, license.key, pc)).status).toBe(201);
    const stranger = await validate(server, { key: license.key }, machine("stranger"));
    expect(stranger.body).toMatchObject({ valid: false, problem: { code: "FINGERPRINT_MISMATCH" } });
    await server.admin("POST", `/v1/admin/licenses/${license.id}/revoke`, { reason: "chargeback" });
    const revoked = await validate(server, { key: license.key }, pc);
    expect(revoked.body).toMatchObject({
      valid: false,
      state: "revoked",
      problem: { code: "LICENSE_REVOKED" },
    });
  });
});
