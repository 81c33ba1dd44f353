import {
  DEFAULT_MATCH_THRESHOLD,
  defaultComponentWeights,
  fingerprintDigest,
  fromBase64Url,
  LEASE_TYPE,
  type LeaseClaims,
  verifyLease,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import type { ActivationBody } from "./support/bodies.js";
import { machine } from "./support/fingerprints.js";
import { get } from "./support/http.js";
import { type TestServer, useServers } from "./support/server.js";

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

function decodePart(token: string, index: number): Record<string, unknown> {
  return JSON.parse(fromBase64Url(token.split(".")[index] ?? "").toString("utf8"));
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
});
