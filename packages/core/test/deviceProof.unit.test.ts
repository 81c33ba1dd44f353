/**
 * The device proof (an HMAC by the device secret over route, body and time) and the lease binding (a lease
 * against the machine that holds it), as pure functions.
 */
import { describe, expect, it } from "vitest";
import {
  checkDeviceProof,
  DEFAULT_MATCH_THRESHOLD,
  DEVICE_PROOF_WINDOW_MS,
  defaultComponentWeights,
  deviceSecretText,
  type Fingerprint,
  fingerprintBinding,
  fingerprintDigest,
  leaseBinding,
  newDeviceSecret,
  parseDeviceSecret,
  signDeviceProof,
} from "../src/index.js";

const now = new Date("2026-12-01T00:00:00.000Z");
const body = { lease: "a.b.c", fingerprint: { collector: "linux/2", components: [] }, nonce: "n".repeat(24) };

describe("device proof", () => {
  it("checks over this route, this body, this secret and a time within the window", () => {
    const secret = newDeviceSecret();
    const proof = signDeviceProof(secret, { path: "/v1/validate", body, at: now });
    expect(proof.sig).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const check = (over: Partial<Parameters<typeof checkDeviceProof>[0]>) =>
      checkDeviceProof({ secret, path: "/v1/validate", body: { ...body, proof }, proof, now, ...over });
    expect(check({})).toEqual({ ok: true });
    // The key order of the body does not matter (RFC 8785), its content does.
    expect(check({ body: { nonce: body.nonce, fingerprint: body.fingerprint, lease: body.lease } })).toEqual({
      ok: true,
    });
    expect(check({ body: { ...body, lease: "x.y.z" } })).toEqual({ ok: false, reason: "bad_signature" });
    expect(check({ path: "/v1/deactivations" })).toEqual({ ok: false, reason: "bad_signature" });
    expect(check({ secret: newDeviceSecret() })).toEqual({ ok: false, reason: "bad_signature" });
    const late = new Date(now.getTime() + DEVICE_PROOF_WINDOW_MS + 1);
    expect(check({ now: late })).toEqual({ ok: false, reason: "stale" });
    expect(check({ now: late, window: false })).toEqual({ ok: true });
  });

  it("names what is missing or malformed, and never throws on what a client sends", () => {
    const secret = newDeviceSecret();
    const check = (proof: unknown) => checkDeviceProof({ secret, path: "/v1/validate", body, proof, now });
    expect(check(undefined)).toEqual({ ok: false, reason: "missing" });
    expect(check({ at: now.toISOString() })).toEqual({ ok: false, reason: "malformed" });
    expect(check({ at: "2026-12-01", sig: "A".repeat(43) })).toEqual({ ok: false, reason: "malformed" });
    expect(check({ at: now.toISOString(), sig: "!".repeat(43) })).toEqual({ ok: false, reason: "malformed" });
    expect(check({ at: now.toISOString(), sig: "A".repeat(43) })).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    // A MAC of another length (an Ed25519 signature of an older client, a truncated one) is refused, not thrown on.
    expect(check({ at: now.toISOString(), sig: "A".repeat(86) })).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    expect(check({ at: now.toISOString(), sig: "" })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("reads a device secret from its 43 characters, and nothing else", () => {
    const secret = newDeviceSecret();
    const text = deviceSecretText(secret);
    expect(text).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(parseDeviceSecret(text)?.equals(secret)).toBe(true);
    expect(parseDeviceSecret("short")).toBeUndefined();
    expect(parseDeviceSecret("!".repeat(43))).toBeUndefined();
    expect(parseDeviceSecret("A".repeat(86))).toBeUndefined();
  });
});

const set = (prefix: string) =>
  ["board", "disk", "mac", "os-install", "cpu", "ram"].map((kind) => ({
    kind,
    digest: `${prefix}-${kind}`.padEnd(64, "0"),
  }));
const rule = { t: DEFAULT_MATCH_THRESHOLD, w: defaultComponentWeights };

describe("lease binding", () => {
  const issued = set("a");
  const fpd = fingerprintDigest(issued);

  it("binds the machine the lease names, and a collector upgrade that carries it as previous", () => {
    expect(leaseBinding(fpd, rule, undefined, { collector: "c/1", components: issued })).toEqual({
      bound: true,
      score: 1,
    });
    const upgraded: Fingerprint = {
      collector: "c/2",
      components: set("b"),
      previous: [{ collector: "c/1", components: issued }],
    };
    expect(leaseBinding(fpd, rule, undefined, upgraded).bound).toBe(true);
  });

  it("binds drift within the rule against the basis, and only a basis that is the lease's", () => {
    const drifted = issued.map((c) =>
      c.kind === "ram" || c.kind === "disk" ? { ...c, digest: "f".repeat(64) } : c,
    );
    const machine = { collector: "c/1", components: drifted };
    expect(leaseBinding(fpd, rule, issued, machine).bound).toBe(true);
    expect(leaseBinding(fpd, rule, undefined, machine)).toMatchObject({ bound: false });
    // A basis someone wrote to match their machine is not what the lease vouches for.
    expect(leaseBinding(fpd, rule, drifted, machine)).toMatchObject({ bound: false });
  });

  it("does not bind another machine", () => {
    const other = { collector: "c/1", components: set("z") };
    expect(leaseBinding(fpd, rule, issued, other)).toMatchObject({
      bound: false,
      threshold: DEFAULT_MATCH_THRESHOLD,
    });
  });

  it("digests a whole request fingerprint, previous sets included", () => {
    const plain = { collector: "c/1", components: issued };
    expect(fingerprintBinding(plain)).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintBinding(plain)).not.toBe(
      fingerprintBinding({ ...plain, previous: [{ collector: "c/0", components: issued }] }),
    );
    expect(fingerprintBinding(plain)).not.toBe(fingerprintBinding({ ...plain, collector: "c/2" }));
  });
});
