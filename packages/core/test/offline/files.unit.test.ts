import { createHash, createPrivateKey, createPublicKey, diffieHellman } from "node:crypto";
import {
  concatKdf,
  createOfflineRequest,
  describe as describeProblem,
  generateDeviceSealingKey,
  generateProductKey,
  generateSigningKeyPair,
  LICENSE_FILE_TYPE,
  type LicenseFileClaims,
  licenseShortId,
  type OfflineRequest,
  offlineRequestDigest,
  offlineRequestProofHolds,
  openSealed,
  parseOfflineRequest,
  privateKeyFromPem,
  publicKeyFromJwk,
  type Result,
  readLicenseFile,
  sealToDevice,
  serializeOfflineRequest,
  signLease,
  signLicenseFile,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";

const digest = (fact: string) => createHash("sha256").update(fact).digest("hex");
const fingerprint = {
  collector: "linux/2",
  components: ["board", "disk", "mac"].map((kind) => ({ kind, digest: digest(kind) })),
};
const key = generateProductKey();
const productId = "prd_01JTEST";
const device = { name: "Line 3 controller", platform: "linux" };
const AT = new Date("2026-03-01T09:00:00.000Z");
const pair = generateSigningKeyPair("sk_test");
const signing = { kid: "sk_test", privateKey: privateKeyFromPem(pair.privatePem) };
const keys = new Map([["sk_test", publicKeyFromJwk(pair.publicJwk)]]);

const licenseFileFor = (request: OfflineRequest, overrides: Partial<LicenseFileClaims> = {}) => {
  const lease = signLease(signing, {
    iss: "ninsho",
    sub: "dev_1",
    aud: productId,
    lic: "lic_1",
    pol: "pol_1",
    chn: "retail",
    ent: [],
    fpd: "x",
    iat: 1,
    lxp: 2,
    exp: 3,
    ctr: 1,
  });
  return signLicenseFile(signing, {
    iss: "ninsho",
    ver: 1,
    aud: productId,
    sub: "dev_1",
    lic: "lic_1",
    req: offlineRequestDigest(request),
    lease,
    iat: 1,
    ...overrides,
  });
};
/** The English message of a refusal (its reason worded by the catalogue). */
const reason = (result: Result<unknown>) =>
  result.ok ? undefined : describeProblem(result.error.code, "en", result.error.params).message;

describe("offline request files", () => {
  const request = createOfflineRequest({ key, productId, device, fingerprint, at: AT });

  it("carries the short id and a proof that holds for its key only, and reads back from its text", () => {
    expect(request.licenseShortId).toBe(licenseShortId(key));
    expect(JSON.stringify(request)).not.toContain(key);
    expect(offlineRequestProofHolds(request, key)).toBe(true);
    expect(offlineRequestProofHolds(request, generateProductKey())).toBe(false);
    expect(parseOfflineRequest(serializeOfflineRequest(request))).toEqual({ ok: true, value: request });
    expect(createOfflineRequest({ key, productId, device, fingerprint, at: AT }).nonce).not.toBe(
      request.nonce,
    );
  });

  it("detects any edit: the proof covers every field", () => {
    const edits: OfflineRequest[] = [
      { ...request, device: { ...device, name: "other" } },
      { ...request, createdAt: "2026-03-09T09:00:00.000Z" },
      { ...request, fingerprint: { ...fingerprint, components: fingerprint.components.slice(1) } },
      { ...request, licenseShortId: request.licenseShortId ^ 1 },
    ];
    for (const edited of edits) expect(offlineRequestProofHolds(edited, key)).toBe(false);
  });

  it.each([
    ["not JSON", "{", "(file)"],
    ["an array", "[]", "(file)"],
    ["another format", { ...request, format: "x" }, "format"],
    ["a future version", { ...request, version: 2 }, "version"],
    ["a bad product id", { ...request, productId: "lic_1" }, "productId"],
    ["a short id too large", { ...request, licenseShortId: 2 ** 40 }, "licenseShortId"],
    [
      "a raw serial as digest",
      { ...request, fingerprint: { ...fingerprint, components: [{ kind: "disk", digest: "WD-123" }] } },
      "fingerprint.components.0.digest",
    ],
    ["an unknown field", { ...request, key: "BCDFG" }, "key"],
    ["an unknown nested field", { ...request, device: { ...device, serial: "1" } }, "device.serial"],
    ["a missing proof", { ...request, proof: undefined }, "proof"],
    ["a bad date", { ...request, createdAt: "yesterday" }, "createdAt"],
    ["a date before the offline epoch", { ...request, createdAt: "1970-01-01T00:00:00.000Z" }, "createdAt"],
    [
      "a date after the offline day range",
      { ...request, createdAt: "9999-12-31T23:59:59.999Z" },
      "createdAt",
    ],
    [
      "a lone surrogate in the name",
      { ...request, device: { ...device, name: "Press \ud800" } },
      "device.name",
    ],
    [
      "a bad encryption key",
      { ...request, encryptTo: { kty: "OKP", crv: "X25519", x: "AAAA" } },
      "encryptTo.x",
    ],
  ])("refuses %s, naming the field", (_, input, field) => {
    const read = parseOfflineRequest(typeof input === "string" ? input : JSON.stringify(input));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.code).toBe("OFFLINE_FILE_INVALID");
    expect((read.error.details as { field: string }).field).toBe(field);
  });
});

describe("license files", () => {
  it("a signed file for this request installs; one for another request, product, or altered, does not", () => {
    const request = createOfflineRequest({ key, productId, device, fingerprint, at: AT });
    const file = licenseFileFor(request);
    const read = readLicenseFile({ file, keys, request });
    expect(read.ok && read.value.lease.sub).toBe("dev_1");
    const other = createOfflineRequest({ key, productId, device, fingerprint, at: AT });
    expect(reason(readLicenseFile({ file, keys, request: other }))).toContain(
      ": it answers another request file",
    );
    expect(
      reason(readLicenseFile({ file: licenseFileFor(request, { aud: "prd_other" }), keys, request })),
    ).toContain(": it is for another product");
    const [h, b, s] = file.split(".");
    const tampered = `${h}.${b}.${s?.startsWith("A") ? `B${s.slice(1)}` : `A${s?.slice(1)}`}`;
    expect(readLicenseFile({ file: tampered, keys, request }).ok).toBe(false);
    const claims = JSON.parse(Buffer.from(b ?? "", "base64url").toString()) as LicenseFileClaims;
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, lic: "lic_2" })).toString("base64url")}.${s}`;
    expect(readLicenseFile({ file: forged, keys, request }).ok).toBe(false);
    expect(readLicenseFile({ file: licenseFileFor(request, { lic: "lic_2" }), keys, request }).ok).toBe(
      false,
    );
  });

  it("sealed to the device's X25519 key: only that device opens it, and any altered byte is refused", () => {
    const sealing = generateDeviceSealingKey();
    const request = createOfflineRequest({
      key,
      productId,
      device,
      fingerprint,
      at: AT,
      encryptTo: sealing.publicJwk,
    });
    const jws = licenseFileFor(request);
    const sealed = sealToDevice(jws, sealing.publicJwk, LICENSE_FILE_TYPE);
    expect(sealed.split(".")).toHaveLength(5);
    expect(sealed).not.toContain(jws.split(".")[1]);
    expect(readLicenseFile({ file: sealed, keys, request, privateKey: sealing.privateKey }).ok).toBe(true);
    expect(reason(readLicenseFile({ file: sealed, keys, request }))).toContain("no key");
    const stranger = generateDeviceSealingKey();
    expect(readLicenseFile({ file: sealed, keys, request, privateKey: stranger.privateKey }).ok).toBe(false);
    expect(reason(readLicenseFile({ file: jws, keys, request, privateKey: sealing.privateKey }))).toContain(
      "not sealed",
    );
    const parts = sealed.split(".");
    for (const index of [0, 2, 3, 4]) {
      const part = parts[index] ?? "";
      const flipped = part.startsWith("A") ? `B${part.slice(1)}` : `A${part.slice(1)}`;
      const altered = parts.map((p, i) => (i === index ? flipped : p)).join(".");
      expect(openSealed(altered, sealing.privateKey, LICENSE_FILE_TYPE)).toBeUndefined();
    }
    expect(openSealed(sealed, sealing.privateKey, "other+jwt")).toBeUndefined();
  });

  it("derives content keys with RFC 7518's Concat KDF (its Appendix C example)", () => {
    const alice = createPrivateKey({
      key: {
        kty: "EC",
        crv: "P-256",
        x: "gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0",
        y: "SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps",
        d: "0_NxaRPUMQoAJt50Gz8YiTr8gRTwyEaCumd-MToTmIo",
      },
      format: "jwk",
    });
    const bob = createPublicKey({
      key: {
        kty: "EC",
        crv: "P-256",
        x: "weNJy2HscCSM6AEDTDg04biOvhFhyyWvOHQfeF_PxMQ",
        y: "e8lnCO-AlStT-NJVX-crhB7QRYhiix03illJOVAOyck",
      },
      format: "jwk",
    });
    const z = diffieHellman({ privateKey: alice, publicKey: bob });
    expect([...z.subarray(0, 4)]).toEqual([158, 86, 217, 29]);
    const derived = concatKdf(z, "A128GCM", 128, Buffer.from("Alice"), Buffer.from("Bob"));
    expect(derived.toString("base64url")).toBe("VqqN6vgjbSBcIijNcacQGg");
  });
});
