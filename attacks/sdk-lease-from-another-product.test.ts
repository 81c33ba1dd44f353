/**
 * Capability: holds the signing key of another product served by the same server (a cheap product's key
 * leaked, or another vendor on a shared server), and the shipped app, which ships the server's JWKS — every
 * product's public keys in one document.
 * Attack: copy the claims of the machine's genuine lease, give it an end decades away, sign it with the other
 * product's key (its `kid` is in the JWKS the app ships) and put it in the state folder as `lease.jwt`; the SDK
 * checks leases offline, so the server that would refuse it (`other_product_key`) is never asked.
 * Expected outcome: the JWKS names each key's product (`prd`) and the SDK verifies its product's leases and
 * answers only with its own product's keys: the forged lease is refused (STATE_TAMPERED), never `active`. The
 * other product's genuine leases are still that product's to verify. Before the fix the SDK verified a lease
 * with any key of the JWKS and ran on the forgery.
 */
import { type LeaseClaims, type PublicJwk, signLease } from "@ninsho/core";
import { STATE_FILES } from "@ninsho/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../testing/liveServer.js";
import {
  activatedDevice,
  clientFor,
  DAY,
  readFile,
  removeFolders,
  tempDir,
  writeFile,
} from "./support/deviceSide.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await server.dispose();
  removeFolders();
});

/** A second product on the same server, and the JWKS the server publishes now (both products' keys). */
async function otherProduct() {
  const created = await server.admin("POST", "/v1/admin/products", {
    name: `other product ${Math.random()}`,
  });
  const productId = (created.body as { id?: string }).id;
  if (created.status !== 201 || productId === undefined) throw new Error("a product is created");
  const jwks = (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as { keys: PublicJwk[] };
  return { productId, key: await server.signingKeyFor(productId), jwks };
}

describe("attack: a lease signed with another product's key, checked offline by the SDK", () => {
  it("the forged lease is refused, even though its key is in the JWKS the app ships", async () => {
    const other = await otherProduct();
    expect(other.jwks.keys.map((k) => k.kid)).toContain(other.key.kid);
    const options = { publicKeys: other.jwks, recordDir: tempDir() };
    const { dir } = await activatedDevice(server, options);
    const claims = claimsOf(readFile(dir, STATE_FILES.lease).trim());
    const far = claims.exp + 3650 * (DAY / 1000);
    writeFile(dir, STATE_FILES.lease, signLease(other.key, { ...claims, lxp: far, exp: far }));

    // Offline, as the app runs between refreshes: only the SDK's own check stands between the forgery and `active`.
    const client = clientFor({ ...server, url: "http://127.0.0.1:9" }, dir, options);
    const status = await client.validate();
    expect(status.valid).toBe(false);
    expect(status).toMatchObject({ state: "tampered", code: "STATE_TAMPERED" });
  });
});

/** The claims of a compact lease, read without verifying (the attacker copies them). */
function claimsOf(token: string): LeaseClaims {
  const body = token.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as LeaseClaims;
}
