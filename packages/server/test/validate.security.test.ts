import { verifySignedResponse } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import type { ValidationBody } from "./support/bodies.js";
import { KINDS, machine, withChanged } from "./support/fingerprints.js";
import { errorOf, post } from "./support/http.js";
import { newNonce, type TestServer, useServers } from "./support/server.js";

const asValidation = (body: unknown) => body as ValidationBody;

/** Every way of changing one field of a signed answer. */
function tamperings(body: Record<string, unknown>): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  for (const [field, value] of Object.entries(body)) {
    if (field === "signature") continue;
    let changed: unknown;
    if (typeof value === "boolean") changed = !value;
    else if (typeof value === "number") changed = value + 1;
    else if (typeof value === "string") changed = `${value}x`;
    else if (Array.isArray(value)) changed = [...value, "extra"];
    else changed = { ...(value as object), injected: true };
    out.push([field, { ...body, [field]: changed }]);
  }
  const license = body.license as Record<string, unknown> | undefined;
  if (license) out.push(["license.state", { ...body, license: { ...license, state: "active-forever" } }]);
  const { nonce: _nonce, ...withoutNonce } = body;
  out.push(["nonce removed", withoutNonce]);
  return out;
}

async function activated(t: TestServer, fields = {}) {
  const c = await t.catalogue({ maxDevices: 2, leaseSeconds: 8 * 86_400, ...fields }, 1);
  const fp = machine(`validator-${c.licenseId}`);
  const { deviceId, lease } = await t.activated(c.key, fp);
  return { c, fp, deviceId, lease };
}

describe("validation", () => {
  const servers = useServers();

  describe("security", () => {
    it("one answer that cannot be signed does not fail the answers batched with it", async () => {
      const t = await servers.start();
      const { c } = await activated(t);
      const key = await t.deps.keyring.signingKeyFor(c.productId);
      if (!key) throw new Error("no signing key");
      const good = [{ n: 1 }, { n: 2 }, { n: 3 }];
      const settled = await Promise.allSettled([
        t.deps.signer.sign(key, good[0] ?? {}),
        t.deps.signer.sign(key, { name: "\ud800" }),
        t.deps.signer.sign(key, good[1] ?? {}),
        t.deps.signer.sign(key, good[2] ?? {}),
      ]);
      expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
      const keys = await t.publicKeys();
      const signed = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
      signed.forEach((signature, i) => {
        expect(verifySignedResponse({ ...good[i], signature }, keys)).toBe("valid");
      });
    });

    it("any change to any field of a signed answer breaks its signature", async () => {
      const t = await servers.start();
      const { c, fp, lease } = await activated(t);
      const keys = await t.publicKeys();
      const answers = [
        (await t.validate({ lease }, fp)).body,
        (await t.validate({ key: c.key }, withChanged(fp, [...KINDS], "x"))).body,
      ];
      for (const body of answers) {
        expect(verifySignedResponse(body, keys)).toBe("valid");
        for (const [what, changed] of tamperings(body)) {
          expect(verifySignedResponse(changed, keys), what).toBe("bad_signature");
        }
        const { signature: _s, ...unsigned } = body;
        expect(verifySignedResponse(unsigned, keys)).toBe("unsigned");
        expect(verifySignedResponse(body, new Map())).toBe("unknown_key");
      }
    });

    it("an answer cannot be replayed for another nonce", async () => {
      const t = await servers.start();
      const { fp, lease } = await activated(t);
      const old = await t.validate({ lease }, fp, "first-nonce-000000000");
      const keys = await t.publicKeys();
      const replayed = { ...old.body, nonce: "second-nonce-00000000" };
      expect(verifySignedResponse(old.body, keys)).toBe("valid");
      expect(verifySignedResponse(replayed, keys)).toBe("bad_signature");
    });

    it("requires a fresh nonce, and exactly one of key or lease", async () => {
      const t = await servers.start();
      const { c, fp, lease } = await activated(t);
      const cases = [
        { key: c.key, fingerprint: fp },
        { key: c.key, fingerprint: fp, nonce: "short" },
        { key: c.key, fingerprint: fp, nonce: "has spaces in it, not allowed" },
        { fingerprint: fp, nonce: newNonce() },
        { key: c.key, lease, fingerprint: fp, nonce: newNonce() },
      ];
      for (const body of cases) {
        const res = await post(t.app, "/v1/validate", body);
        expect(res.status, JSON.stringify(Object.keys(body))).toBe(400);
        expect(errorOf(res).code).toBe("VALIDATION_FAILED");
      }
    });

    it("a lease of one license cannot validate another license's key", async () => {
      const t = await servers.start();
      const first = await activated(t);
      const second = await activated(t);
      // Machine of the first license, key of the second: nothing of the second matches.
      const res = asValidation((await t.validate({ key: second.c.key }, first.fp)).body);
      expect(res).toMatchObject({ valid: false, problem: { code: "FINGERPRINT_MISMATCH" } });
    });
  });
});
