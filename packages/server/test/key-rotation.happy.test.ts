/**
 * Rotating a product's signing key: the new key is in the JWKS at once and signs from the instant asked for;
 * the old one retires then and still verifies what it signed, so no device is locked out by a rotation.
 */
import { describe, expect, it } from "vitest";
import { DAY, SECOND } from "./support/clock.js";
import { machine } from "./support/fingerprints.js";
import { type TestServer, useServers } from "./support/server.js";

const kidOf = (token: string): string =>
  String(JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString("utf8")).kid);

interface Rotation {
  kid: string;
  activeFrom: string;
  retired: string[];
}

async function rotate(t: TestServer, productId: string, body: Record<string, unknown> = {}) {
  const res = await t.adminPost(`/v1/admin/products/${productId}/signing-keys`, body);
  if (res.status !== 201) throw new Error(`rotate: ${res.status} ${res.text}`);
  return res.body as unknown as Rotation;
}

async function jwksKids(t: TestServer): Promise<string[]> {
  return [...(await t.publicKeys()).keys()];
}

describe("signing-key rotation", () => {
  const servers = useServers();

  describe("happy", () => {
    it("now: the new key signs at once, the old lease still validates, both stay in the JWKS", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const fp = machine("rotating");
      const { lease } = await t.activated(c.key, fp);
      const oldKid = kidOf(lease);

      const rotation = await rotate(t, c.productId);
      expect(rotation.kid).not.toBe(oldKid);
      expect(rotation.retired).toEqual([oldKid]);
      expect(rotation.activeFrom).toBe(t.clock.now().toISOString());
      expect(await jwksKids(t)).toEqual(expect.arrayContaining([oldKid, rotation.kid]));

      const validated = await t.validate({ lease }, fp);
      expect(validated.status).toBe(200);
      expect(kidOf(String(validated.body.lease))).toBe(rotation.kid);
      const product = await t.adminGet(`/v1/admin/products/${c.productId}`);
      const keys = (product.body as { publicKeys: { kid: string; retiredAt?: string }[] }).publicKeys;
      expect(keys.find((k) => k.kid === oldKid)?.retiredAt).toBe(rotation.activeFrom);
      expect(keys.find((k) => k.kid === rotation.kid)?.retiredAt).toBeUndefined();
    });

    it("scheduled: published now, signs only from the instant given, then the old key retires", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const fp = machine("scheduled");
      const { lease } = await t.activated(c.key, fp);
      const oldKid = kidOf(lease);
      const at = new Date(t.clock.now().getTime() + DAY).toISOString();

      const rotation = await rotate(t, c.productId, { activatesAt: at });
      expect(rotation.activeFrom).toBe(at);
      expect(await jwksKids(t)).toContain(rotation.kid);
      const before = await t.validate({ lease }, fp);
      expect(kidOf(String(before.body.lease))).toBe(oldKid);

      t.clock.advance(DAY + SECOND);
      const after = await t.validate({ lease }, fp);
      expect(after.status).toBe(200);
      expect(kidOf(String(after.body.lease))).toBe(rotation.kid);
      const other = await t.activated(c.licenses[0]?.key ?? "", machine("after the hand-over"));
      expect(kidOf(other.lease)).toBe(rotation.kid);
    });

    it("an instant already past means now; another product's key is untouched", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const d = await t.catalogue();
      const { lease } = await t.activated(d.key, machine("other product"));
      const rotation = await rotate(t, c.productId, { activatesAt: "2001-01-01T00:00:00Z" });
      expect(rotation.activeFrom).toBe(t.clock.now().toISOString());
      const again = await t.validate({ lease }, machine("other product"));
      expect(kidOf(String(again.body.lease))).toBe(kidOf(lease));
    });
  });
});
