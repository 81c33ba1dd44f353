/**
 * Attacker: the customer's IT, who runs a relay of their own making — initialised with a "vendor" key of
 * their own and a grant signed with it for as many devices as they like. The app pins the vendor's key, so it
 * refuses every lease of that relay, however well formed.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateSigningKeyPair, newId, privateKeyFromPem, signVolumeGrant } from "@ninsho/core";
import { initRelayFiles, openRelay, startRelay } from "@ninsho/relay";
import { createRelayClient } from "@ninsho/sdk";
import { describe, expect, it } from "vitest";
import { aMachine } from "./support.js";

describe("an app refuses a relay the vendor never certified", () => {
  it("refuses leases of a relay whose grant the customer signed", async () => {
    const vendorKid = newId("signingKey");
    const real = generateSigningKeyPair(vendorKid);
    const productId = newId("product");
    const forged = generateSigningKeyPair(vendorKid);
    const dir = mkdtempSync(join(tmpdir(), "ninsho-fake-relay-"));
    try {
      const request = initRelayFiles(join(dir, "data"), JSON.stringify({ keys: [forged.publicJwk] }));
      const now = Math.floor(Date.now() / 1000);
      const grant = signVolumeGrant(
        { kid: vendorKid, privateKey: privateKeyFromPem(forged.privatePem) },
        {
          iss: "ninsho",
          jti: newId("volumeGrant"),
          aud: productId,
          lic: newId("license"),
          cus: "Anyone",
          max: 100_000,
          rnw: 7 * 86_400,
          off: 3650 * 86_400,
          iat: now,
          nbf: now,
          exp: now + 3650 * 86_400,
          rky: request.relayKey,
        },
      );
      writeFileSync(join(dir, "fake.grant"), grant);
      const ctx = openRelay({ dataDir: join(dir, "data"), grantFile: join(dir, "fake.grant") });
      if (!ctx.ok) throw new Error(ctx.error.code);
      const running = await startRelay(ctx.value, { port: 0, host: "127.0.0.1" });
      try {
        const client = createRelayClient({
          relay: { relayUrl: running.url },
          publicKeys: { keys: [real.publicJwk] },
          productId,
          machine: aMachine("pc"),
        });
        const held = await client.activate();
        expect(!held.ok && held.problem.code).toBe("RESPONSE_SIGNATURE_INVALID");
        expect(client.status().running).toBe(false);
      } finally {
        await running.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
