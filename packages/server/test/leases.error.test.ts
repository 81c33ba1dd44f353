import {
  fromBase64Url,
  generateSigningKeyPair,
  privateKeyFromPem,
  signLease,
  toBase64Url,
  verifyLease,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import type { ActivationBody } from "./support/bodies.js";
import { machine } from "./support/fingerprints.js";
import { errorOf, post } from "./support/http.js";
import { type TestServer, useServers } from "./support/server.js";

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
});
