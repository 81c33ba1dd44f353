import { describe, expect, it } from "vitest";
import type { ValidationBody } from "./support/bodies.js";
import { DAY, MINUTE } from "./support/clock.js";
import { machine } from "./support/fingerprints.js";
import { type TestServer, useServers } from "./support/server.js";
import { countLeaseVerifications } from "./support/verifications.js";

const asValidation = (body: unknown) => body as ValidationBody;

async function activated(t: TestServer) {
  const c = await t.catalogue({ leaseSeconds: 8 * 86_400 });
  const fp = machine(`presented-${c.licenseId}`);
  const { lease } = await t.activated(c.key, fp);
  return { c, fp, lease };
}

describe("presented lease", () => {
  const servers = useServers();

  describe("happy", () => {
    it("the device's current lease is accepted without verifying its signature; the lease before it is verified", async () => {
      const t = await servers.start();
      const { fp, lease } = await activated(t);
      const verified = countLeaseVerifications(t);

      const same = await t.validate({ lease }, fp);
      expect([same.status, asValidation(same.body).valid, asValidation(same.body).lease]).toEqual([
        200,
        true,
        lease,
      ]);
      expect(verified()).toBe(0);

      t.clock.advance(3 * DAY); // past a quarter of the 8-day lease: the next one is issued
      const refreshed = asValidation((await t.validate({ lease }, fp)).body);
      expect(refreshed.valid).toBe(true);
      expect(refreshed.lease).not.toBe(lease);
      expect(verified()).toBe(0);

      const next = refreshed.lease ?? "";
      const current = await t.validate({ lease: next }, fp);
      expect([current.status, asValidation(current.body).valid]).toEqual([200, true]);
      expect(verified()).toBe(0);

      // The parent of the newest lease still stands for the device (its holder may have missed the answer), but
      // it is no longer what the server issues: it is verified, and answered as before.
      const parent = await t.validate({ lease }, fp);
      expect([parent.status, asValidation(parent.body).valid]).toEqual([200, true]);
      expect(verified()).toBe(1);
    });

    it("after a key rotation the old key's lease is verified once, and the lease answered with it is recognised", async () => {
      const t = await servers.start();
      const { c, fp, lease } = await activated(t);
      const rotated = await t.adminPost(`/v1/admin/products/${c.productId}/signing-keys`, {});
      expect(rotated.status).toBe(201);
      t.clock.advance(5 * MINUTE);
      const verified = countLeaseVerifications(t);

      const old = asValidation((await t.validate({ lease }, fp)).body);
      expect(old.valid).toBe(true);
      expect(old.lease).not.toBe(lease);
      expect(verified()).toBe(1);

      const renewed = asValidation((await t.validate({ lease: old.lease ?? "" }, fp)).body);
      expect([renewed.valid, renewed.lease]).toEqual([true, old.lease]);
      expect(verified()).toBe(0);
    });
  });
});
