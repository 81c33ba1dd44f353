/**
 * Capability: holds a signing key that is not this product's current one: the key of another product on the
 * same server (a cheap product's key leaked, or misused by its own vendor), or this product's retired key
 * (leaked from an old backup after a rotation).
 * Attack: sign a lease naming this product, license and device with that key — claims copied from a genuine
 * lease, freshly dated — and validate with it, expecting `valid: true` and a refreshed, genuine lease.
 * Expected outcome: LEASE_INVALID naming why (another product's key; signed after its key was retired); the
 * genuine leases keep working, including one the retired key signed before it retired. Before the fix the
 * server verified a lease with any key it knew and took both forgeries.
 */
import { type LeaseClaims, signLease, verifyLease } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { MINUTE } from "../packages/server/test/support/clock.js";
import { machine } from "../packages/server/test/support/fingerprints.js";
import { errorOf } from "../packages/server/test/support/http.js";
import { useServers } from "../packages/server/test/support/server.js";

describe("attack: a lease signed with a key that may not sign it", () => {
  const servers = useServers();

  const claimsOf = async (
    t: Awaited<ReturnType<typeof servers.start>>,
    lease: string,
  ): Promise<LeaseClaims> => {
    const claims = verifyLease(lease, await t.publicKeys());
    if (!claims.ok) throw new Error("a genuine lease verifies");
    return claims.value;
  };

  it("another product's key: refused", async () => {
    const t = await servers.start();
    const victim = await t.catalogue();
    const other = await t.catalogue();
    const fp = machine("victim");
    const { lease } = await t.activated(victim.key, fp);
    const otherKey = await t.deps.keyring.signingKeyFor(other.productId);
    if (!otherKey) throw new Error("every product has a key");
    const claims = await claimsOf(t, lease);
    const forged = signLease(otherKey, { ...claims, iat: Math.floor(t.clock.now().getTime() / 1000) });

    const res = await t.validate({ lease: forged }, fp);
    expect(res.status).toBe(401);
    expect(errorOf(res)).toMatchObject({ code: "LEASE_INVALID", details: { reason: "other_product_key" } });
    expect(errorOf(res).message).toContain("another product's key");
    const genuine = await t.validate({ lease }, fp);
    expect([genuine.status, genuine.body.valid]).toEqual([200, true]);
  });

  it("this product's retired key: refused for what it signs after retiring, kept for what it signed before", async () => {
    const t = await servers.start();
    const c = await t.catalogue();
    const fp = machine("rotated");
    const { lease: before } = await t.activated(c.key, fp);
    const retiredKey = await t.deps.keyring.signingKeyFor(c.productId);
    if (!retiredKey) throw new Error("every product has a key");
    const rotated = await t.adminPost(`/v1/admin/products/${c.productId}/signing-keys`, {});
    expect(rotated.status).toBe(201);
    t.clock.advance(5 * MINUTE);
    expect((await t.deps.keyring.signingKeyFor(c.productId))?.kid).not.toBe(retiredKey.kid);

    const claims = await claimsOf(t, before);
    const forged = signLease(retiredKey, { ...claims, iat: Math.floor(t.clock.now().getTime() / 1000) });
    const res = await t.validate({ lease: forged }, fp);
    expect(res.status).toBe(401);
    expect(errorOf(res)).toMatchObject({ code: "LEASE_INVALID", details: { reason: "key_retired" } });

    const genuine = await t.validate({ lease: before }, fp);
    expect([genuine.status, genuine.body.valid]).toEqual([200, true]);
  });
});
