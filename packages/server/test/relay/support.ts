/**
 * A relay's side, played with core's own functions (the relay package is tested on its own): a relay key pair,
 * the grant the vendor's server issues for it, and usage reports the relay signs.
 */
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import {
  newId,
  type RelayPublicKey,
  relayKeyId,
  type SigningKey,
  signUsageReport,
  USAGE_REPORT_FORMAT,
  type UsageReportClaims,
  type VolumeGrantClaims,
} from "@ninsho/core";
import { str } from "../support/http.js";
import type { TestServer } from "../support/server.js";

/** A relay's key pair as `ninsho relay init` makes it. */
export function relayKeyPair(): { signing: SigningKey; publicKey: RelayPublicKey; privateKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const x = String(publicKey.export({ format: "jwk" }).x);
  const relayKey: RelayPublicKey = { kty: "OKP", crv: "Ed25519", x };
  return { signing: { kid: relayKeyId(relayKey), privateKey }, publicKey: relayKey, privateKey };
}

/** A volume license (50 devices) and a grant issued for a relay's key through the admin API. */
export async function grantFor(t: TestServer, relayKey: RelayPublicKey, extra: Record<string, unknown> = {}) {
  const c = await t.catalogue({ channel: "volume", maxDevices: 50 });
  const res = await t.adminPost("/v1/admin/volume-grants", {
    licenseId: c.licenseId,
    relayKey,
    customer: "Hokuriku Plant 4",
    expiresAt: new Date(t.clock.now().getTime() + 365 * 86_400_000).toISOString(),
    ...extra,
  });
  if (res.status !== 201) throw new Error(`grant: ${res.status} ${res.text}`);
  return { c, res, grant: str(res.body, "grant") };
}

/** A usage report file signed by `key` about `grant`, figures overridable. */
export function reportFile(
  key: SigningKey,
  grant: string,
  claims: VolumeGrantClaims,
  figures: Partial<UsageReportClaims> = {},
): string {
  const report = signUsageReport(key, {
    iss: "ninsho-relay",
    jti: newId("usageReport"),
    gid: claims.jti,
    aud: claims.aud,
    lic: claims.lic,
    from: claims.iat,
    to: claims.iat + 30 * 86_400,
    adm: 48,
    max: claims.max,
    rnw: 200,
    pk: 47,
    ref: 6,
    rbk: 0,
    iat: claims.iat + 30 * 86_400,
    ...figures,
  });
  return JSON.stringify({ format: USAGE_REPORT_FORMAT, grant, report });
}
