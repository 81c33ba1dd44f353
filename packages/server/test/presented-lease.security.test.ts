import {
  fromBase64Url,
  type LeaseClaims,
  signLease,
  toBase64Url,
  verifyLease,
  verifyProductLease,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { updatePolicy } from "../src/services/admin/catalogEdits.js";
import { currentLease } from "../src/services/presentedLease.js";
import type { ValidationBody } from "./support/bodies.js";
import { DAY, MINUTE } from "./support/clock.js";
import { machine } from "./support/fingerprints.js";
import { freshIssuer } from "./support/freshIssuer.js";
import { type Answer, errorOf } from "./support/http.js";
import { type TestServer, useServers } from "./support/server.js";
import { countLeaseVerifications } from "./support/verifications.js";

const asValidation = (body: unknown) => body as ValidationBody;

/** The lease with its claims changed and the original signature kept. */
function tamper(lease: string, change: Partial<LeaseClaims>): string {
  const [header, payload, signature] = lease.split(".");
  const claims = JSON.parse(fromBase64Url(payload ?? "").toString("utf8"));
  return [header, toBase64Url(JSON.stringify({ ...claims, ...change })), signature].join(".");
}

async function claimsOf(t: TestServer, lease: string): Promise<LeaseClaims> {
  const claims = verifyLease(lease, await t.publicKeys());
  if (!claims.ok) throw new Error("a genuine lease verifies");
  return claims.value;
}

const refusal = (res: Answer) => ({
  status: res.status,
  code: errorOf(res).code,
  details: errorOf(res).details,
});

describe("presented lease", () => {
  const servers = useServers();

  describe("security", () => {
    it("a lease that is not the device's current one is verified, and answered exactly as before", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ leaseSeconds: 8 * 86_400 }, 2);
      const other = await t.catalogue();
      const fp = machine("holder");
      const { lease } = await t.activated(c.key, fp);
      const { deviceId: neighbour } = await t.activated(c.licenses[1]?.key ?? "", machine("neighbour"));
      const claims = await claimsOf(t, lease);
      const now = () => Math.floor(t.clock.now().getTime() / 1000);
      const otherKey = await t.deps.keyring.signingKeyFor(other.productId);
      const ownKey = await t.deps.keyring.signingKeyFor(c.productId);
      if (!otherKey || !ownKey) throw new Error("every product has a key");
      const verified = countLeaseVerifications(t);
      const refused = async (token: string) => {
        const res = await t.validate({ lease: token }, fp);
        expect(verified(), "verified, not recognised").toBe(1);
        return refusal(res);
      };
      const invalid = (reason: string) => ({ status: 401, code: "LEASE_INVALID", details: { reason } });

      const flipped = `${lease.slice(0, -2)}${lease.endsWith("AA") ? "BA" : "AA"}`;
      expect(await refused(flipped)).toEqual(invalid("bad_signature"));
      for (const change of [
        { ent: ["pro"] },
        { ctr: claims.ctr + 1 },
        { lxp: claims.lxp + DAY },
        { sub: neighbour },
      ]) {
        expect(await refused(tamper(lease, change))).toEqual(invalid("bad_signature"));
      }
      expect(await refused(signLease(otherKey, { ...claims, iat: now() }))).toEqual(
        invalid("other_product_key"),
      );

      // The product's key is rotated: what the retired key signs afterwards is refused as before.
      expect((await t.adminPost(`/v1/admin/products/${c.productId}/signing-keys`, {})).status).toBe(201);
      t.clock.advance(5 * MINUTE);
      expect(await refused(signLease(ownKey, { ...claims, iat: now() }))).toEqual(invalid("key_retired"));

      // The device is activated again by key: the lease it had is superseded, a signed answer saying so.
      await t.activated(c.key, fp);
      const superseded = await t.validate({ lease }, fp);
      expect(verified()).toBe(1);
      expect([superseded.status, asValidation(superseded.body).problem?.code]).toEqual([
        200,
        "LEASE_SUPERSEDED",
      ]);
    });

    it("an expired current lease is recognised and refreshed, as verifying it would have", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ leaseSeconds: 8 * 86_400, graceSeconds: 86_400 });
      const fp = machine("sleeper");
      const { lease } = await t.activated(c.key, fp);
      t.clock.advance(30 * DAY);
      const before = await currentLease(t.deps, lease);
      expect(before?.claims).toEqual(await claimsOf(t, lease));
      const res = asValidation((await t.validate({ lease }, fp)).body);
      expect(res.valid).toBe(true);
      expect(res.lease).not.toBe(lease);
    });

    it("whatever is recognised without a verify is what verifying accepts, with the same claims", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ leaseSeconds: 8 * 86_400 });
      const other = await t.catalogue();
      const fp = machine("differential");
      const { lease: first } = await t.activated(c.key, fp);
      t.clock.advance(3 * DAY);
      const second = asValidation((await t.validate({ lease: first }, fp)).body).lease ?? "";
      const claims = await claimsOf(t, second);
      const otherKey = await t.deps.keyring.signingKeyFor(other.productId);
      const ownKey = await t.deps.keyring.signingKeyFor(c.productId);
      if (!otherKey || !ownKey) throw new Error("every product has a key");
      const tokens = [
        first,
        second,
        `${second.slice(0, -2)}${second.endsWith("AA") ? "BA" : "AA"}`,
        tamper(second, { ent: ["everything"] }),
        signLease(otherKey, claims),
        signLease(ownKey, { ...claims, ctr: claims.ctr + 1 }),
        signLease(ownKey, { ...claims, iat: claims.iat + 1 }),
        `${second} `,
        "garbage",
        "a.b.c",
      ];
      let recognised = 0;
      for (const token of tokens) {
        const fast = await currentLease(t.deps, token);
        if (!fast) continue;
        recognised += 1;
        const full = verifyProductLease(token, await t.deps.keyring.leaseVerifiers());
        expect(full).toEqual({ ok: true, value: fast.claims });
        expect([fast.found.device.id, fast.found.license.id]).toEqual([claims.sub, claims.lic]);
      }
      expect(recognised).toBe(1); // the current lease, and nothing else
      expect((await currentLease(t.deps, second))?.claims).toEqual(claims);

      // The same with nothing cached, as a process just started: only the device row's digest recognises (no
      // lease re-created, so no sign), and it recognises the current lease alone, with the claims verifying gives.
      const fresh = freshIssuer(t.deps);
      const byDigest = [];
      for (const token of tokens) {
        const fast = await currentLease(fresh.deps, token);
        const signed = fresh.signed();
        if (fast) byDigest.push({ token, claims: fast.claims, signed });
      }
      expect(byDigest).toEqual([{ token: second, claims, signed: 0 }]);
    });

    it("a digest of another state recognises nothing: after a policy edit the lease is re-created and answered as before", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ leaseSeconds: 8 * 86_400, entitlements: ["basic"] });
      const fp = machine("edited");
      const { lease, deviceId } = await t.activated(c.key, fp);
      const stored = (await t.store.devices.findById(deviceId))?.leaseDigest;
      t.clock.advance(MINUTE);
      const edit = { entitlements: ["basic", "pro"] };
      expect((await updatePolicy(t.deps, c.policyId, edit, { actor: "test", reason: "plan" })).ok).toBe(true);

      // The row still holds the digest of the lease issued before the edit: under the new state it misses, the
      // lease is re-created with the new rules, and that is not the presented one.
      expect((await t.store.devices.findById(deviceId))?.leaseDigest).toBe(stored);
      const fresh = freshIssuer(t.deps);
      expect(await currentLease(fresh.deps, lease)).toBeUndefined();
      expect(fresh.signed()).toBe(1);

      // So it is verified, and served as any lease from before an edit: a fresh lease carrying the new rules.
      const verified = countLeaseVerifications(t);
      const res = await t.validate({ lease }, fp);
      expect(verified()).toBe(1);
      const body = asValidation(res.body);
      expect([res.status, body.valid, body.lease === lease]).toEqual([200, true, false]);
      expect((await claimsOf(t, body.lease ?? "")).ent).toEqual(["basic", "pro"]);
      expect(await currentLease(freshIssuer(t.deps).deps, body.lease ?? "")).toBeDefined();
    });
  });
});
