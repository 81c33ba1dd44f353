/**
 * "Any language can verify a signed answer", shown rather than claimed: real answers of the server are verified
 * by a verifier written in this file from docs/signed-answers.md alone. It shares no code with the server's or
 * the SDK's: its own RFC 8785 canonicaliser, SHA-256 and Ed25519 from @noble (not Node's OpenSSL), keys taken
 * from the published JWKS. The attacker: anyone who alters an answer, or replays one to another request.
 */
import { createHash } from "node:crypto";
import { ed25519 } from "@noble/curves/ed25519.js";
import { describe, expect, it } from "vitest";
import { machine } from "../support/fingerprints.js";
import { get, post } from "../support/http.js";
import { aDevice, newNonce, useServers } from "../support/server.js";

type Json = null | boolean | number | string | Json[] | { [name: string]: Json };

/** RFC 8785: names sorted by UTF-16 code units, no whitespace, ECMAScript numbers, minimal string escapes. */
function jcs(value: Json): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jcs).join(",")}]`;
  const names = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${names.map((name) => `${JSON.stringify(name)}:${jcs(value[name] as Json)}`).join(",")}}`;
}

const sha256 = (...parts: Uint8Array[]) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
};

const base64url = (text: string) => new Uint8Array(Buffer.from(text, "base64url"));

interface Jwk {
  readonly kid: string;
  readonly x: string;
}

/** The spec's five steps; `true` only for an answer signed by a published key and echoing `nonce`. */
function verifyAsSpecified(answer: Record<string, Json>, jwks: readonly Jwk[], nonce: string): boolean {
  const { signature, ...body } = answer;
  if (signature === null || typeof signature !== "object" || Array.isArray(signature)) return false;
  const { alg, kid, proof, sig } = signature;
  if (alg !== "EdDSA" || typeof kid !== "string" || typeof sig !== "string" || !Array.isArray(proof))
    return false;
  let hash = sha256(new Uint8Array([0]), new TextEncoder().encode(jcs(body)));
  for (const step of proof) {
    if (typeof step !== "string") return false;
    const sibling = base64url(step.slice(2));
    if (sibling.length !== 32) return false;
    if (step.startsWith("l.")) hash = sha256(new Uint8Array([1]), sibling, hash);
    else if (step.startsWith("r.")) hash = sha256(new Uint8Array([1]), hash, sibling);
    else return false;
  }
  const key = jwks.find((k) => k.kid === kid);
  if (!key) return false;
  const message = new Uint8Array([...new TextEncoder().encode("ninsho.response.v1\n"), ...hash]);
  return ed25519.verify(base64url(sig), message, base64url(key.x)) && body.nonce === nonce;
}

describe("signed answers, verified from docs/signed-answers.md alone", () => {
  const servers = useServers();

  async function answers() {
    const t = await servers.start();
    const c = await t.catalogue({ maxDevices: 2, transfersPerYear: 3 });
    const jwks = (await get<{ keys: Jwk[] }>(t.app, "/.well-known/jwks.json")).body.keys;
    const fp = machine("standards");
    const activationNonce = newNonce();
    const activation = await post<Record<string, Json>>(t.app, "/v1/activations", {
      key: c.key,
      fingerprint: fp,
      device: aDevice(),
      nonce: activationNonce,
    });
    const validationNonce = newNonce();
    const validation = await post<Record<string, Json>>(t.app, "/v1/validate", {
      lease: activation.body.lease,
      fingerprint: fp,
      nonce: validationNonce,
    });
    return {
      jwks,
      activation: activation.body,
      activationNonce,
      validation: validation.body,
      validationNonce,
    };
  }

  it("happy: real activation and validation answers verify", async () => {
    const a = await answers();
    expect(verifyAsSpecified(a.activation, a.jwks, a.activationNonce)).toBe(true);
    expect(verifyAsSpecified(a.validation, a.jwks, a.validationNonce)).toBe(true);
  });

  it("happy: a batch of answers signed at once verifies answer by answer", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ maxDevices: 1 }, 12);
    const jwks = (await get<{ keys: Jwk[] }>(t.app, "/.well-known/jwks.json")).body.keys;
    const requests = c.licenses.map((license, i) => ({
      key: license.key,
      fingerprint: machine(`batch-${i}`),
      nonce: newNonce(),
    }));
    // Validations asked for together share one signature: their proofs are not empty.
    const results = await Promise.all(
      requests.map((r) => post<Record<string, Json>>(t.app, "/v1/validate", r)),
    );
    results.forEach((res, i) => {
      expect(res.status).toBe(200);
      expect(verifyAsSpecified(res.body, jwks, requests[i]?.nonce ?? "")).toBe(true);
    });
    const proofLengths = results.map((res) => ((res.body.signature as { proof: Json[] }).proof ?? []).length);
    expect(Math.max(...proofLengths)).toBeGreaterThan(0);
  });

  it("security: an altered field, a swapped key id or a replay to another request does not verify", async () => {
    const a = await answers();
    expect(verifyAsSpecified({ ...a.validation, valid: false }, a.jwks, a.validationNonce)).toBe(false);
    const signature = a.validation.signature as Record<string, Json>;
    const otherKid = { ...a.validation, signature: { ...signature, kid: "k_unknown" } };
    expect(verifyAsSpecified(otherKid, a.jwks, a.validationNonce)).toBe(false);
    expect(verifyAsSpecified(a.validation, a.jwks, a.activationNonce)).toBe(false);
  });
});
