import { fromBase64Url, toBase64Url, verifyLease } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import type { ActivationBody } from "./support/bodies.js";
import { DAY } from "./support/clock.js";
import { machine } from "./support/fingerprints.js";
import { errorOf } from "./support/http.js";
import { type TestServer, useServers } from "./support/server.js";

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
