/**
 * Attacker: the customer's IT, who runs the relay and wants more devices than they bought. They can edit the
 * grant file, sign their own, reuse one made for another relay, or keep using one that ended; the relay
 * refuses each with its code before it serves anything.
 */
import { join } from "node:path";
import { signVolumeGrant } from "@ninsho/core";
import { openRelay } from "@ninsho/relay";
import { describe, expect, it } from "vitest";
import { DAY_S, grantClaims, grantFile, newClock, newVendor, relayFolder, T0 } from "./support/relay.js";

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

function openWith(
  vendor: ReturnType<typeof newVendor>,
  text: (request: ReturnType<typeof relayFolder>["request"]) => string,
  at = T0,
) {
  const { dataDir, request } = relayFolder(vendor);
  const path = grantFile(dataDir, text(request));
  return openRelay({ dataDir: join(dataDir, "data"), grantFile: path, clock: newClock(at).read });
}

describe("a relay refuses a grant it cannot trust", () => {
  const vendor = newVendor();

  it("refuses a grant signed by a key of the customer's own, even under the vendor key's kid", () => {
    const forger = newVendor(vendor.key.kid, vendor.productId);
    const opened = openWith(vendor, (request) => signVolumeGrant(forger.key, grantClaims(vendor, request)));
    expect(!opened.ok && opened.error).toEqual({
      code: "RELAY_GRANT_INVALID",
      params: { why: "bad_signature" },
    });
  });

  it("refuses a grant signed by a key the relay was never given", () => {
    const stranger = newVendor();
    const opened = openWith(vendor, (request) => signVolumeGrant(stranger.key, grantClaims(vendor, request)));
    expect(!opened.ok && opened.error).toEqual({
      code: "RELAY_GRANT_INVALID",
      params: { why: "unknown_key" },
    });
  });

  it("refuses a grant whose device count was raised after signing", () => {
    const opened = openWith(vendor, (request) => {
      const [header, , signature] = signVolumeGrant(
        vendor.key,
        grantClaims(vendor, request, { max: 50 }),
      ).split(".");
      return `${header}.${b64(grantClaims(vendor, request, { max: 5000 }))}.${signature}`;
    });
    expect(!opened.ok && opened.error).toEqual({
      code: "RELAY_GRANT_INVALID",
      params: { why: "bad_signature" },
    });
  });

  it("refuses a grant made for another relay's key", () => {
    const other = relayFolder(vendor).request;
    const opened = openWith(vendor, () => signVolumeGrant(vendor.key, grantClaims(vendor, other)));
    expect(!opened.ok && opened.error).toEqual({ code: "RELAY_GRANT_INVALID", params: { why: "claims" } });
  });

  it("refuses a grant that ended, and one not yet in force", () => {
    const ended = openWith(
      vendor,
      (request) => signVolumeGrant(vendor.key, grantClaims(vendor, request, { exp: T0 / 1000 + DAY_S })),
      T0 + 2 * DAY_S * 1000,
    );
    expect(!ended.ok && ended.error.code).toBe("RELAY_GRANT_EXPIRED");
    const early = openWith(vendor, (request) =>
      signVolumeGrant(vendor.key, grantClaims(vendor, request, { nbf: T0 / 1000 + DAY_S })),
    );
    expect(!early.ok && early.error.code).toBe("RELAY_GRANT_NOT_YET_VALID");
  });

  it("refuses a text that is no grant at all, and a signed object of another kind", () => {
    expect(openWith(vendor, () => "not a grant").ok).toBe(false);
    const lease = openWith(vendor, (request) => {
      const grant = signVolumeGrant(vendor.key, grantClaims(vendor, request));
      const [, body, signature] = grant.split(".");
      return `${b64({ alg: "EdDSA", kid: vendor.key.kid, typ: "ninsho-lease+jwt" })}.${body}.${signature}`;
    });
    expect(!lease.ok && lease.error).toEqual({ code: "RELAY_GRANT_INVALID", params: { why: "wrong_type" } });
  });
});
