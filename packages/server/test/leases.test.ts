import {
  DEFAULT_MATCH_THRESHOLD,
  defaultComponentWeights,
  fingerprintDigest,
  fromBase64Url,
  generateSigningKeyPair,
  LEASE_TYPE,
  type LeaseClaims,
  privateKeyFromPem,
  signLease,
  toBase64Url,
  verifyLease,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import type { ActivationBody } from "./support/bodies.js";
import { DAY } from "./support/clock.js";
import { machine } from "./support/fingerprints.js";
import { errorOf, get, post } from "./support/http.js";
import { type TestServer, useServers } from "./support/server.js";

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

function decodePart(token: string, index: number): Record<string, unknown> {
  return JSON.parse(fromBase64Url(token.split(".")[index] ?? "").toString("utf8"));
}

/** The lease with its payload changed and the original signature kept. */
function tamper(lease: string, change: (claims: Record<string, unknown>) => void): string {
  const [header, , signature] = lease.split(".");
  const claims = decodePart(lease, 1);
  change(claims);
  return [header, toBase64Url(JSON.stringify(claims)), signature].join(".");
}

async function activatedLease(t: TestServer) {
  const c = await t.catalogue({
    leaseSeconds: 7 * 86_400,
    graceSeconds: 3 * 86_400,
    entitlements: ["pro", "cloud"],
  });
  const fp = machine("lease-holder");
  const res = await t.activate(c.key, fp);
  expect(res.status).toBe(201);
  return { c, fp, body: res.body as unknown as ActivationBody };
}

describe("leases", () => {
  const servers = useServers();

  describe("happy", () => {
    it("verifies with the published JWKS and binds license, device, product, entitlements, fingerprint and times", async () => {
      const t = await servers.start();
      const { c, fp, body } = await activatedLease(t);
      const keys = await t.publicKeys();
      const verified = verifyLease(body.lease, keys);
      if (!verified.ok) throw new Error(`lease does not verify: ${JSON.stringify(verified.error)}`);
      const now = seconds(t.clock.now().toISOString());
      expect(verified.value).toEqual({
        iss: "ninsho",
        sub: body.device.id,
        aud: c.productId,
        lic: c.licenseId,
        pol: c.policyId,
        chn: "retail",
        ent: ["pro", "cloud"],
        fpd: fingerprintDigest(fp.components),
        iat: now,
        lxp: now + 7 * 86_400,
        exp: now + 10 * 86_400,
        ctr: 1,
        fpm: { t: DEFAULT_MATCH_THRESHOLD, w: defaultComponentWeights },
      } satisfies LeaseClaims);
      expect(verified.value.lxp).toBe(seconds(body.leaseExpiresAt));
      expect(verified.value.exp).toBe(seconds(body.graceEndsAt));
      const header = decodePart(body.lease, 0);
      expect(header).toMatchObject({ alg: "EdDSA", typ: LEASE_TYPE });
      expect(keys.has(String(header.kid))).toBe(true);
    });

    it("publishes the key of every product, including products created after the JWKS was first read", async () => {
      const t = await servers.start();
      const first = await activatedLease(t);
      const before = await get<{ keys: { kid: string }[] }>(t.app, "/.well-known/jwks.json");
      expect(before.body.keys).toHaveLength(1);
      expect(before.headers.get("cache-control")).toContain("max-age");

      // A vendor embeds the JWKS in its app before the new product's first activation.
      const later = await t.catalogue({}, 1);
      const keys = await t.publicKeys();
      expect(keys.size).toBe(2);
      const res = await t.activate(later.key, machine("second-product"));
      const lease = (res.body as unknown as ActivationBody).lease;
      expect(verifyLease(lease, keys).ok).toBe(true);
      expect(verifyLease(first.body.lease, keys).ok).toBe(true);
      // Each product signs with its own key.
      expect(decodePart(lease, 0).kid).not.toBe(decodePart(first.body.lease, 0).kid);
    });

    it("lists the product's public key in the admin API, as in the JWKS", async () => {
      const t = await servers.start();
      const { c, body } = await activatedLease(t);
      const product = await t.adminGet(`/v1/admin/products/${c.productId}`);
      expect(product.status).toBe(200);
      const publicKeys = (product.body as { publicKeys: { kid: string; x: string }[] }).publicKeys;
      expect(publicKeys).toHaveLength(1);
      expect(publicKeys[0]?.kid).toBe(decodePart(body.lease, 0).kid);
    });
  });

  describe("error", () => {
    it("refuses a lease whose claims were altered (LEASE_INVALID, bad_signature)", async () => {
      const t = await servers.start();
      const { fp, body } = await activatedLease(t);
      const changes: [string, (claims: Record<string, unknown>) => void][] = [
        ["entitlements", (x) => (x.ent = ["pro", "cloud", "enterprise"])],
        ["lease expiry", (x) => (x.lxp = Number(x.lxp) + 365 * 86_400)],
        ["grace end", (x) => (x.exp = Number(x.exp) + 365 * 86_400)],
        ["license", (x) => (x.lic = "lic_01JAAAAAAAAAAAAAAAAAAAAAAA")],
        ["counter", (x) => (x.ctr = 99)],
      ];
      for (const [what, change] of changes) {
        const forged = tamper(body.lease, change);
        const res = await t.validate({ lease: forged }, fp);
        expect(res.status, what).toBe(401);
        const error = errorOf(res);
        expect(error.code, what).toBe("LEASE_INVALID");
        expect(error.details, what).toEqual({ reason: "bad_signature" });
      }
      const flipped = `${body.lease.slice(0, -2)}${body.lease.endsWith("AA") ? "BA" : "AA"}`;
      expect(errorOf(await t.validate({ lease: flipped }, fp)).code).toBe("LEASE_INVALID");
      expect(errorOf(await t.validate({ lease: "not.a.lease" }, fp)).code).toBe("LEASE_INVALID");
      expect(errorOf(await t.validate({ lease: "garbage" }, fp)).code).toBe("LEASE_INVALID");
    });

    it("refuses a lease signed by a key the server does not know, on validation and deactivation", async () => {
      const t = await servers.start();
      const { fp, body } = await activatedLease(t);
      const kid = "sk_01JROGUEROGUEROGUEROGUEROG";
      const rogue = generateSigningKeyPair(kid);
      const verified = verifyLease(body.lease, await t.publicKeys());
      if (!verified.ok) throw new Error("lease does not verify");
      const forged = signLease({ kid, privateKey: privateKeyFromPem(rogue.privatePem) }, verified.value);
      const res = await t.validate({ lease: forged }, fp);
      expect(res.status).toBe(401);
      expect(errorOf(res)).toMatchObject({ code: "LEASE_INVALID", details: { reason: "unknown_key" } });
      const deactivation = await post(t.app, "/v1/deactivations", { lease: forged });
      expect(errorOf(deactivation).code).toBe("LEASE_INVALID");
      // The device still holds its slot.
      expect((await t.validate({ lease: body.lease }, fp)).body).toMatchObject({ valid: true });
    });

    it("refuses a lease that reuses the real key id with another key's signature", async () => {
      const t = await servers.start();
      const { fp, body } = await activatedLease(t);
      const kid = String(decodePart(body.lease, 0).kid);
      const rogue = generateSigningKeyPair(kid);
      const verified = verifyLease(body.lease, await t.publicKeys());
      if (!verified.ok) throw new Error("lease does not verify");
      const forged = signLease({ kid, privateKey: privateKeyFromPem(rogue.privatePem) }, verified.value);
      expect(errorOf(await t.validate({ lease: forged }, fp))).toMatchObject({
        code: "LEASE_INVALID",
        details: { reason: "bad_signature" },
      });
    });
  });

  describe("security", () => {
    it("a lease is a JWS of its own type: a token of another typ is refused even with a valid signature shape", async () => {
      const t = await servers.start();
      const { fp, body } = await activatedLease(t);
      const [, payload, signature] = body.lease.split(".");
      const header = toBase64Url(JSON.stringify({ ...decodePart(body.lease, 0), typ: "JWT" }));
      const res = await t.validate({ lease: [header, payload, signature].join(".") }, fp);
      expect(errorOf(res)).toMatchObject({ code: "LEASE_INVALID", details: { reason: "wrong_type" } });
    });

    it("a lease never outlives its license's expiry", async () => {
      const t = await servers.start();
      const c = await t.catalogue({
        expiry: { kind: "duration", seconds: 2 * 86_400 },
        leaseSeconds: 30 * 86_400,
      });
      const res = await t.activate(c.key, machine("short"));
      const body = res.body as unknown as ActivationBody;
      const claims = verifyLease(body.lease, await t.publicKeys());
      if (!claims.ok) throw new Error("lease does not verify");
      const expiry = Date.parse(body.license.expiresAt ?? "");
      expect(claims.value.lxp * 1000).toBe(expiry);
      expect(claims.value.lex).toBe(expiry / 1000);
      expect(expiry - t.clock.now().getTime()).toBe(2 * DAY);
    });
  });
});
