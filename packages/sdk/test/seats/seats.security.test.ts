/**
 * Attacker: a fake local server (or a relay) that answers seat requests itself to hand out seats the vendor
 * never granted. Every answer and seat lease must be signed by the product's key, and echo the nonce sent.
 */
import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import { createSeatClient } from "@ninsho/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("a fake seat server", () => {
  let fake: Server;
  let url = "";
  beforeAll(async () => {
    fake = createServer((_req, res) => {
      res.writeHead(201, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          seat: { id: "seat_fake", kind: "workload", expiresAt: "2099-01-01T00:00:00.000Z", overage: false },
          secret: "s".repeat(43),
          lease: "e30.e30.AAAA",
          heartbeatIntervalSeconds: 10,
          signature: { alg: "EdDSA", kid: "k1", proof: [], sig: "AAAA" },
        }),
      );
    });
    await new Promise<void>((ready) => fake.listen(0, "127.0.0.1", ready));
    const address = fake.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((done) => fake.close(done));
  });

  it("its unsigned or foreign-signed answers give no seat: RESPONSE_SIGNATURE_INVALID", async () => {
    const { publicKey } = generateKeyPairSync("ed25519");
    const seats = createSeatClient({
      serverUrl: url,
      productKey: "BCDFG-HJKMP-QRTVW-XY234-6789B",
      publicKeys: new Map([["k1", publicKey]]),
      holder: { workload: { id: "pod" } },
    });
    const result = await seats.checkOut();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.code).toBe("RESPONSE_SIGNATURE_INVALID");
    expect(seats.current()).toBeUndefined();
    expect(seats.runwayMs()).toBe(0);
  });
});
