import { DEFAULT_MATCH_THRESHOLD, keyComponents, verifyLease, verifySignedResponse } from "@ninsho/core";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { EventBody, ValidationBody } from "./support/bodies.js";
import { DAY, HOUR } from "./support/clock.js";
import { KINDS, machine, withChanged } from "./support/fingerprints.js";
import { newNonce, type TestServer, useServers } from "./support/server.js";

const asValidation = (body: unknown) => body as ValidationBody;

async function activated(t: TestServer, fields = {}) {
  const c = await t.catalogue({ maxDevices: 2, leaseSeconds: 8 * 86_400, ...fields }, 1);
  const fp = machine(`validator-${c.licenseId}`);
  const { deviceId, lease } = await t.activated(c.key, fp);
  return { c, fp, deviceId, lease };
}

describe("validation", () => {
  const servers = useServers();

  describe("happy", () => {
    // By key the answer is the license's state: a key says whoever holds it may use the license, not which copy
    // of a device asks, so no lease is handed out (issue 10: one live lease lineage per device). By lease it is
    // valid, with the lease.
    it("validates by lease, and by key answers the license's state without a lease; signed, nonce echoed", async () => {
      const t = await servers.start();
      const { c, fp, deviceId, lease } = await activated(t);
      const keys = await t.publicKeys();
      for (const by of [{ key: c.key }, { key: c.key.toLowerCase().replaceAll("-", "") }, { lease }]) {
        const nonce = newNonce();
        const res = await t.validate(by, fp, nonce);
        expect(res.status).toBe(200);
        const body = asValidation(res.body);
        expect(body).toMatchObject({ state: "active", nonce, device: { id: deviceId } });
        expect(body.license).toMatchObject({ id: c.licenseId, productId: c.productId, state: "active" });
        expect(body.decision).toMatchObject({ sameDevice: true, score: 1 });
        expect(body.serverTime).toBe(t.clock.now().toISOString());
        expect(verifySignedResponse(res.body, keys)).toBe("valid");
        if (by.lease === undefined) {
          expect(body).toMatchObject({ valid: false, problem: { code: "DEVICE_PROOF_REQUIRED" } });
          expect(body.lease).toBeUndefined();
        } else {
          expect(body.valid).toBe(true);
          expect(verifyLease(body.lease ?? "", keys).ok).toBe(true);
        }
      }
    });

    it("re-sends the same lease until a quarter of it has passed, then issues the next", async () => {
      const t = await servers.start();
      const { fp, lease } = await activated(t); // 8-day lease: due after 2 days
      const keys = await t.publicKeys();
      t.clock.advance(DAY);
      const early = asValidation((await t.validate({ lease }, fp)).body);
      expect(early.lease).toBe(lease);
      t.clock.advance(DAY - HOUR);
      expect(asValidation((await t.validate({ lease }, fp)).body).lease).toBe(lease);

      t.clock.advance(HOUR);
      const due = asValidation((await t.validate({ lease }, fp)).body);
      expect(due.lease).not.toBe(lease);
      const before = verifyLease(lease, keys);
      const after = verifyLease(due.lease ?? "", keys);
      if (!before.ok || !after.ok) throw new Error("leases do not verify");
      expect(after.value.ctr).toBe(before.value.ctr + 1);
      expect(after.value.iat - before.value.iat).toBe(2 * 86_400);
      expect(due.leaseExpiresAt).toBe(new Date(t.clock.now().getTime() + 8 * DAY).toISOString());

      // The new lease validates and is itself not re-issued at once.
      const next = asValidation((await t.validate({ lease: due.lease ?? "" }, fp)).body);
      expect(next).toMatchObject({ valid: true, lease: due.lease });
    });

    it("refreshes the lease and the stored components when the machine changed a little", async () => {
      const t = await servers.start();
      const { c, fp, deviceId, lease } = await activated(t);
      const upgraded = withChanged(fp, ["gpu"]);
      const res = asValidation((await t.validate({ lease }, upgraded)).body);
      expect(res.valid).toBe(true);
      expect(res.lease).not.toBe(lease);
      expect(res.decision?.components.find((x) => x.kind === "gpu")?.outcome).toBe("changed");
      const license = await t.adminGet(`/v1/admin/licenses/${c.licenseId}`);
      const device = (
        license.body as { devices: { id: string; components: { kind: string; digest: string }[] }[] }
      ).devices[0];
      expect(device?.id).toBe(deviceId);
      // Stored as the server keys them, never as the client sent them.
      expect(device?.components).toEqual(keyComponents(t.deps.secrets.componentDigests, upgraded.components));
    });

    it("records when a device was last seen", async () => {
      const t = await servers.start();
      const { c, fp, lease } = await activated(t);
      t.clock.advance(3 * HOUR);
      await t.validate({ lease }, fp);
      await t.deps.lastSeen.flush();
      const license = await t.adminGet(`/v1/admin/licenses/${c.licenseId}`);
      expect((license.body as { devices: { lastSeenAt: string }[] }).devices[0]?.lastSeenAt).toBe(
        t.clock.now().toISOString(),
      );
    });

    it("keeps last-seen times it could not write, without failing anyone's validation", async () => {
      const warnings: string[] = [];
      const logger = pino({ level: "warn" }, { write: (line: string) => void warnings.push(line) });
      const t = await servers.start({ logger });
      const { fp, lease } = await activated(t);
      expect((await t.validate({ lease }, fp)).status).toBe(200);
      await t.store.close();
      await t.deps.lastSeen.flush();
      expect(warnings.join("")).toContain("could not record last-seen times");
    });

    it("signs concurrent answers in batches: 50 validations all verify and some share one signature", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 50 }, 1);
      const leases: { fp: ReturnType<typeof machine>; lease: string }[] = [];
      for (let i = 0; i < 50; i++) {
        const fp = machine(`batch-${i}`);
        leases.push({ fp, lease: (await t.activated(c.key, fp)).lease });
      }
      const keys = await t.publicKeys();
      const batchesBefore = t.deps.signer.stats.batches;
      const answers = await Promise.all(leases.map(({ fp, lease }) => t.validate({ lease }, fp, newNonce())));
      const signatures = new Set<string>();
      for (const res of answers) {
        expect(res.status).toBe(200);
        expect(verifySignedResponse(res.body, keys)).toBe("valid");
        signatures.add(asValidation(res.body).signature.sig);
      }
      expect(signatures.size).toBeLessThan(50);
      expect(t.deps.signer.stats.batches - batchesBefore).toBeLessThan(50);
      expect(answers.some((res) => asValidation(res.body).signature.proof.length > 0)).toBe(true);
    });
  });

  describe("signed refusals (valid: false)", () => {
    it("suspended, revoked and expired licenses get a signed valid:false with the problem", async () => {
      const t = await servers.start();
      const keys = async () => t.publicKeys();
      for (const [action, code] of [
        ["suspend", "LICENSE_SUSPENDED"],
        ["revoke", "LICENSE_REVOKED"],
      ] as const) {
        const { c, fp, lease } = await activated(t);
        await t.adminPost(`/v1/admin/licenses/${c.licenseId}/${action}`, { reason: "test" });
        for (const by of [{ key: c.key }, { lease }]) {
          const nonce = newNonce();
          const res = await t.validate(by, fp, nonce, { headers: { "accept-language": "ja" } });
          expect(res.status).toBe(200);
          const body = asValidation(res.body);
          expect(body).toMatchObject({ valid: false, nonce, problem: { code } });
          expect(body.state).toBe(action === "suspend" ? "suspended" : "revoked");
          expect(body.lease).toBeUndefined();
          expect(body.problem?.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
          expect(verifySignedResponse(res.body, await keys())).toBe("valid");
        }
      }
      const { fp, lease } = await activated(t, { expiry: { kind: "duration", seconds: 86_400 } });
      t.clock.advance(2 * DAY);
      const expired = await t.validate({ lease }, fp);
      expect(asValidation(expired.body)).toMatchObject({
        valid: false,
        state: "expired",
        problem: { code: "LICENSE_EXPIRED" },
      });
      expect(verifySignedResponse(expired.body, await keys())).toBe("valid");
    });

    it("a deactivated device gets DEVICE_DEACTIVATED, signed", async () => {
      const t = await servers.start();
      const { fp, deviceId, lease } = await activated(t);
      const support = await t.token("support");
      const off = await t.adminPost(
        `/v1/admin/devices/${deviceId}/deactivate`,
        { reason: "old PC" },
        support.token,
      );
      expect(off.status).toBe(200);
      const res = await t.validate({ lease }, fp);
      expect(asValidation(res.body)).toMatchObject({ valid: false, problem: { code: "DEVICE_DEACTIVATED" } });
      expect(verifySignedResponse(res.body, await t.publicKeys())).toBe("valid");
    });

    it("another machine presenting a lease or key gets FINGERPRINT_MISMATCH with the explanation", async () => {
      const t = await servers.start();
      const { c, fp, lease } = await activated(t);
      const other = withChanged(fp, [...KINDS], "other-machine");
      for (const by of [{ lease }, { key: c.key }]) {
        const res = await t.validate(by, other);
        const body = asValidation(res.body);
        expect(body).toMatchObject({
          valid: false,
          state: "active",
          problem: { code: "FINGERPRINT_MISMATCH" },
        });
        expect(body.lease).toBeUndefined();
        expect(body.problem?.message).toContain(String(DEFAULT_MATCH_THRESHOLD));
        expect(body.problem?.details).toMatchObject({
          explanation: { score: 0, threshold: DEFAULT_MATCH_THRESHOLD, sameDevice: false },
        });
        expect(body.decision?.components.every((x) => x.outcome === "changed")).toBe(true);
        expect(verifySignedResponse(res.body, await t.publicKeys())).toBe("valid");
      }
    });

    it("detects two copies running on one lease (DEVICE_FORKED) and records it", async () => {
      const t = await servers.start();
      const { c, fp, lease } = await activated(t);
      t.clock.advance(3 * DAY); // the lease is due for refresh
      // Copy A refreshes first and moves on to the next lease.
      const a = asValidation((await t.validate({ lease }, fp)).body);
      expect(a.valid).toBe(true);
      expect(a.lease).not.toBe(lease);
      // Copy B presents the same (parent) lease: a retry as far as the server can tell, so it gets a lease too.
      const b = asValidation((await t.validate({ lease }, fp)).body);
      expect(b.valid).toBe(true);
      expect(b.lease).not.toBe(a.lease);
      // Now A's line is behind B's: A presents a lease the device has moved past. Once is only a suspicion
      // (a reverted snapshot looks the same), so A is served and its line becomes the current one.
      const suspected = asValidation((await t.validate({ lease: a.lease ?? "" }, fp)).body);
      expect(suspected.valid).toBe(true);
      expect((await t.timeline(c.licenseId)).at(-1)).toMatchObject({ type: "device.fork_suspected" });
      // B comes back on its own line within the lease and grace: two machines are running. That is the fork.
      const forked = await t.validate({ lease: b.lease ?? "" }, fp);
      const body = asValidation(forked.body);
      expect(body).toMatchObject({ valid: false, problem: { code: "DEVICE_FORKED" } });
      expect(body.lease).toBeUndefined();
      expect(verifySignedResponse(forked.body, await t.publicKeys())).toBe("valid");
      const events = (await t.timeline(c.licenseId)) as EventBody[];
      expect(events.at(-1)).toMatchObject({ type: "device.forked", reason: "DEVICE_FORKED" });
      // The fork stays on the device: A, on the newest lease, is stopped too (either copy may be the clone), and
      // the admin view shows it until a transfer or support resolves it.
      const after = asValidation((await t.validate({ lease: suspected.lease ?? "" }, fp)).body);
      expect(after).toMatchObject({ valid: false, problem: { code: "DEVICE_FORKED" } });
      const view = (await t.adminGet(`/v1/admin/licenses/${c.licenseId}`)).body as {
        devices: { forkedAt?: string }[];
      };
      expect(view.devices[0]?.forkedAt).toBe(t.clock.now().toISOString());
    });

    it("a machine restored to an older snapshot is not locked out: one stale lease is a suspicion that lapses", async () => {
      const t = await servers.start();
      const { fp, lease: snapshot } = await activated(t);
      let held = snapshot;
      for (let i = 0; i < 3; i++) {
        t.clock.advance(3 * DAY);
        held = asValidation((await t.validate({ lease: held }, fp)).body).lease ?? "";
      }
      // The VM is reverted to the snapshot taken at activation: its lease is three refreshes old.
      t.clock.advance(1 * DAY);
      const restored = asValidation((await t.validate({ lease: snapshot }, fp)).body);
      expect(restored.valid).toBe(true);
      // It goes on refreshing its own line; no other copy ever shows up.
      held = restored.lease ?? "";
      for (let i = 0; i < 3; i++) {
        t.clock.advance(3 * DAY);
        const next = asValidation((await t.validate({ lease: held }, fp)).body);
        expect(next.valid).toBe(true);
        held = next.lease ?? "";
      }
      // Restored again months later: the earlier suspicion has lapsed, so this is a first strike again.
      t.clock.advance(60 * DAY);
      expect(asValidation((await t.validate({ lease: snapshot }, fp)).body).valid).toBe(true);
    });

    it("a lost reply is not a fork: presenting the parent lease again just gets a new lease", async () => {
      const t = await servers.start();
      const { fp, lease } = await activated(t);
      t.clock.advance(3 * DAY);
      const lost = asValidation((await t.validate({ lease }, fp)).body); // reply never arrived
      const retried = asValidation((await t.validate({ lease }, fp)).body);
      expect(retried.valid).toBe(true);
      t.clock.advance(3 * DAY);
      const next = asValidation((await t.validate({ lease: retried.lease ?? "" }, fp)).body);
      expect(next.valid).toBe(true);
      expect(lost.lease).not.toBe(retried.lease);
    });
  });
});
