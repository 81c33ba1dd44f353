import { verifyLease, verifySignedResponse } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import type { LicenseBody, ValidationBody } from "./support/bodies.js";
import { DAY } from "./support/clock.js";
import { type Fingerprint, machine } from "./support/fingerprints.js";
import { errorOf, post, str } from "./support/http.js";
import { aDevice, newNonce, type TestServer, useServers } from "./support/server.js";

interface TransferAnswer {
  readonly device: { id: string; name: string };
  readonly fromDeviceId: string;
  readonly transfersLeft: number;
  readonly lease: string;
  readonly nonce?: string;
}

const transfer = (
  t: TestServer,
  key: string,
  fromDeviceId: string,
  fingerprint: Fingerprint,
  nonce?: string,
) =>
  post(t.app, "/v1/transfers", {
    key,
    fromDeviceId,
    fingerprint,
    device: aDevice("New PC", "windows"),
    ...(nonce === undefined ? {} : { nonce }),
  });

const valid = (body: unknown) => (body as ValidationBody).valid;

describe("deactivation", () => {
  const servers = useServers();

  describe("happy", () => {
    it("a device deactivates itself with its lease: signed answer, slot freed, timeline entry", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 1 });
      const fp = machine("leaving");
      const { deviceId, lease } = await t.activated(c.key, fp);
      expect((await t.activate(c.key, machine("waiting"))).status).toBe(409);

      const nonce = newNonce();
      const res = await post(t.app, "/v1/deactivations", { lease, nonce });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        device: { id: deviceId, deactivatedAt: t.clock.now().toISOString() },
        nonce,
      });
      expect(verifySignedResponse(res.body, await t.publicKeys())).toBe("valid");

      expect((await t.activate(c.key, machine("waiting"))).status).toBe(201);
      expect(valid((await t.validate({ lease }, fp)).body)).toBe(false);
      const events = await t.timeline(c.licenseId);
      expect(events.find((e) => e.type === "device.deactivated")).toMatchObject({
        actor: `device:${deviceId}`,
        data: { deviceId },
      });
    });

    it("a lease past its grace, or superseded by a newer one, no longer stands for the device", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ leaseSeconds: 3600, graceSeconds: 0 });
      const { lease } = await t.activated(c.key, machine("old-lease"));
      t.clock.advance(30 * DAY);
      const expired = await post(t.app, "/v1/deactivations", { lease });
      expect(expired.status).toBe(401);
      expect(expired.body).toMatchObject({
        error: { code: "LEASE_INVALID", details: { reason: "expired" } },
      });

      const fresh = await t.catalogue({ leaseSeconds: 3600, graceSeconds: 3600 });
      const first = await t.activated(fresh.key, machine("superseded"));
      t.clock.advance(1200_000);
      const refreshed = await t.validate({ lease: first.lease }, machine("superseded"), newNonce());
      expect(str(refreshed.body, "lease")).not.toBe(first.lease);
      t.clock.advance(1200_000);
      await t.validate({ lease: str(refreshed.body, "lease") }, machine("superseded"), newNonce());
      const superseded = await post(t.app, "/v1/deactivations", { lease: first.lease });
      expect(superseded.status).toBe(401);
      expect(superseded.body).toMatchObject({ error: { details: { reason: "superseded" } } });
      // The current lease still does.
      const current = await t.validate(
        { lease: str(refreshed.body, "lease") },
        machine("superseded"),
        newNonce(),
      );
      expect((await post(t.app, "/v1/deactivations", { lease: str(current.body, "lease") })).status).toBe(
        200,
      );
    });

    it("support deactivates a device for a customer; the slot is free at once", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 1 });
      const fp = machine("dead-pc");
      const { deviceId, lease } = await t.activated(c.key, fp);
      const support = await t.token("support");
      const res = await t.adminPost(
        `/v1/admin/devices/${deviceId}/deactivate`,
        { reason: "PC died" },
        support.token,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: deviceId,
        licenseId: c.licenseId,
        deactivatedAt: t.clock.now().toISOString(),
      });
      expect(res.body).not.toHaveProperty("leaseCounters");
      expect((await t.activate(c.key, machine("replacement"))).status).toBe(201);
      expect((await t.validate({ lease }, fp)).body).toMatchObject({
        valid: false,
        problem: { code: "DEVICE_DEACTIVATED" },
      });
      const events = await t.timeline(c.licenseId);
      expect(events.find((e) => e.type === "device.deactivated")).toMatchObject({
        actor: `token:${support.id}`,
        reason: "PC died",
      });
    });
  });

  describe("error", () => {
    it("a second deactivation answers DEVICE_DEACTIVATED; an unknown device DEVICE_NOT_FOUND", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const { deviceId, lease } = await t.activated(c.key, machine("twice"));
      expect((await post(t.app, "/v1/deactivations", { lease })).status).toBe(200);
      const again = await post(t.app, "/v1/deactivations", { lease });
      expect([again.status, errorOf(again).code]).toEqual([403, "DEVICE_DEACTIVATED"]);
      const byAdmin = await t.adminPost(`/v1/admin/devices/${deviceId}/deactivate`, { reason: "again" });
      expect(errorOf(byAdmin).code).toBe("DEVICE_DEACTIVATED");
      const unknown = await t.adminPost("/v1/admin/devices/dev_01JNOTHEREXXXXXXXXXXXXXXXX/deactivate", {
        reason: "x",
      });
      expect([unknown.status, errorOf(unknown).code]).toEqual([404, "DEVICE_NOT_FOUND"]);
    });

    it("an admin deactivation needs a reason; readonly may not deactivate", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const { deviceId } = await t.activated(c.key, machine("reasonless"));
      const noReason = await t.adminPost(`/v1/admin/devices/${deviceId}/deactivate`, {});
      expect(errorOf(noReason).code).toBe("VALIDATION_FAILED");
      const readonly = await t.token("readonly");
      const res = await t.adminPost(
        `/v1/admin/devices/${deviceId}/deactivate`,
        { reason: "x" },
        readonly.token,
      );
      expect([res.status, errorOf(res).code]).toEqual([403, "FORBIDDEN"]);
    });
  });

  describe("security", () => {
    it("a forged lease cannot deactivate someone else's device", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const fp = machine("victim");
      const { lease } = await t.activated(c.key, fp);
      const [header, payload] = lease.split(".");
      const res = await post(t.app, "/v1/deactivations", { lease: `${header}.${payload}.${"A".repeat(86)}` });
      expect(errorOf(res).code).toBe("LEASE_INVALID");
      expect(valid((await t.validate({ lease }, fp)).body)).toBe(true);
    });
  });
});

describe("transfer", () => {
  const servers = useServers();

  describe("happy", () => {
    it("moves the license to a new machine: the old device is deactivated, the new one gets a lease", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 1, transfersPerYear: 3 });
      const oldFp = machine("old-board");
      const old = await t.activated(c.key, oldFp);
      const newFp = machine("new-board");
      const nonce = newNonce();
      const res = await transfer(t, c.key, old.deviceId, newFp, nonce);
      expect(res.status).toBe(201);
      const body = res.body as unknown as TransferAnswer;
      expect(body).toMatchObject({
        fromDeviceId: old.deviceId,
        transfersLeft: 2,
        nonce,
        device: { name: "New PC" },
      });
      const keys = await t.publicKeys();
      expect(verifySignedResponse(res.body, keys)).toBe("valid");
      const claims = verifyLease(body.lease, keys);
      expect(claims.ok && claims.value.sub).toBe(body.device.id);

      expect((await t.validate({ lease: old.lease }, oldFp)).body).toMatchObject({
        valid: false,
        problem: { code: "DEVICE_DEACTIVATED" },
      });
      expect(valid((await t.validate({ lease: body.lease }, newFp)).body)).toBe(true);
      const license = (await t.adminGet(`/v1/admin/licenses/${c.licenseId}`)).body as unknown as LicenseBody;
      expect(license.devices?.map((d) => [d.id, d.deactivatedAt !== undefined])).toEqual([
        [old.deviceId, true],
        [body.device.id, false],
      ]);
      const events = await t.timeline(c.licenseId);
      expect(events.at(-1)).toMatchObject({
        type: "device.transferred",
        data: { fromDeviceId: old.deviceId, toDeviceId: body.device.id },
      });
    });

    it("allows the policy's allowance per 365 days, then TRANSFER_LIMIT_REACHED with the date of the next", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 1, transfersPerYear: 2 });
      let from = (await t.activated(c.key, machine("gen-0"))).deviceId;
      const firstAt = t.clock.now();
      for (let i = 1; i <= 2; i++) {
        const res = await transfer(t, c.key, from, machine(`gen-${i}`));
        expect(res.status, res.text).toBe(201);
        expect((res.body as unknown as TransferAnswer).transfersLeft).toBe(2 - i);
        from = str(res.body, "device.id");
        t.clock.advance(10 * DAY);
      }
      const refused = await transfer(t, c.key, from, machine("gen-3"));
      expect(refused.status).toBe(409);
      const error = errorOf(refused);
      const nextAt = new Date(firstAt.getTime() + 365 * DAY).toISOString();
      expect(error).toMatchObject({
        code: "TRANSFER_LIMIT_REACHED",
        details: { used: 2, allowance: 2, nextAt },
      });
      expect(error.remedy).toContain(nextAt);

      t.clock.set(nextAt);
      expect((await transfer(t, c.key, from, machine("gen-3"))).status).toBe(201);
    });
  });

  describe("error", () => {
    it("a non-transferable policy refuses with TRANSFER_NOT_ALLOWED", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ channel: "oem" });
      const { deviceId } = await t.activated(c.key, machine("oem-board"));
      const res = await transfer(t, c.key, deviceId, machine("other-board"));
      expect([res.status, errorOf(res).code]).toEqual([403, "TRANSFER_NOT_ALLOWED"]);
      const explicit = await t.catalogue({ transferable: false });
      const dev = await t.activated(explicit.key, machine("fixed"));
      expect(errorOf(await transfer(t, explicit.key, dev.deviceId, machine("x"))).code).toBe(
        "TRANSFER_NOT_ALLOWED",
      );
    });

    it("the device to replace must be an active device of this license", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 2 }, 2);
      const [a, b] = c.licenses;
      if (!a || !b) throw new Error("two licenses");
      const mine = await t.activated(a.key, machine("mine"));
      const theirs = await t.activated(b.key, machine("theirs"));
      const foreign = await transfer(t, a.key, theirs.deviceId, machine("new"));
      expect([foreign.status, errorOf(foreign).code]).toEqual([404, "DEVICE_NOT_FOUND"]);
      await post(t.app, "/v1/deactivations", { lease: mine.lease });
      const gone = await transfer(t, a.key, mine.deviceId, machine("new"));
      expect(errorOf(gone).code).toBe("DEVICE_DEACTIVATED");
      expect(errorOf(await transfer(t, "nonsense", mine.deviceId, machine("new"))).code).toBe(
        "KEY_MALFORMED",
      );
    });

    it("a suspended, revoked or expired license cannot be moved to a new machine", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ expiry: { kind: "duration", seconds: 86_400 } }, 3);
      const [s, r, e] = c.licenses;
      if (!s || !r || !e) throw new Error("three licenses");
      const devices = [];
      for (const license of c.licenses)
        devices.push((await t.activated(license.key, machine(license.id))).deviceId);
      await t.adminPost(`/v1/admin/licenses/${s.id}/suspend`, { reason: "chargeback" });
      await t.adminPost(`/v1/admin/licenses/${r.id}/revoke`, { reason: "fraud" });
      const suspended = await transfer(t, s.key, devices[0] ?? "", machine("s2"));
      expect([suspended.status, errorOf(suspended).code]).toEqual([403, "LICENSE_SUSPENDED"]);
      const revoked = await transfer(t, r.key, devices[1] ?? "", machine("r2"));
      expect(errorOf(revoked).code).toBe("LICENSE_REVOKED");
      t.clock.advance(2 * DAY);
      const expired = await transfer(t, e.key, devices[2] ?? "", machine("e2"));
      expect(errorOf(expired).code).toBe("LICENSE_EXPIRED");
    });
  });

  describe("security", () => {
    it("transfers are counted per license under the lock: concurrent transfers never exceed the allowance", async () => {
      const t = await servers.start({ storage: "file" });
      const c = await t.catalogue({ maxDevices: 1, transfersPerYear: 1 });
      const { deviceId } = await t.activated(c.key, machine("racer"));
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => transfer(t, c.key, deviceId, machine(`racer-${i}`))),
      );
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      const license = (await t.adminGet(`/v1/admin/licenses/${c.licenseId}`)).body as unknown as LicenseBody;
      expect(license.devices?.filter((d) => d.deactivatedAt === undefined)).toHaveLength(1);
    });
  });
});
