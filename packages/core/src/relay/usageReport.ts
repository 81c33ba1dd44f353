import { fail, ok, type Result } from "../result.js";
import { type PublicKeys, type SigningKey, signCompactJws, verifyCompactJws } from "../signing/jws.js";
import { certifiedRelayKeys, type VolumeGrantClaims, verifyVolumeGrant } from "./grant.js";

/** The JWS `typ` of a relay's usage report. */
export const USAGE_REPORT_TYPE = "ninsho-usage-report+jwt";

/** The `format` of a usage report file: the report and the grant that certifies the key that signed it. */
export const USAGE_REPORT_FORMAT = "ninsho-usage-report/1";

/**
 * What a relay reports for true-up, signed by its key: over `from`…`to` (seconds), `adm` devices admitted under
 * grant `gid` (of `max`), `rnw` renewals, `pk` the most devices holding unexpired leases at once, `ref` admissions
 * refused because the grant was full (demand beyond it), `rbk` restores from old backups detected.
 */
export interface UsageReportClaims {
  readonly iss: "ninsho-relay";
  /** The report (`urp_…`): importing it twice records it once. */
  readonly jti: string;
  readonly gid: string;
  readonly aud: string;
  readonly lic: string;
  readonly from: number;
  readonly to: number;
  readonly adm: number;
  readonly max: number;
  readonly rnw: number;
  readonly pk: number;
  readonly ref: number;
  readonly rbk: number;
  readonly iat: number;
}

/**
 * A usage report file as it travels by USB or email.
 * @example
 * writeFileSync("usage.json", JSON.stringify(file));
 */
export interface UsageReportFile {
  readonly format: typeof USAGE_REPORT_FORMAT;
  readonly grant: string;
  readonly report: string;
}

/**
 * Sign a usage report with the relay's key.
 * @example
 * const report = signUsageReport(relayKey, claims);
 */
export const signUsageReport = (key: SigningKey, claims: UsageReportClaims): string =>
  signCompactJws(key, USAGE_REPORT_TYPE, claims);

const FIGURES = ["from", "to", "adm", "max", "rnw", "pk", "ref", "rbk", "iat"] as const;

const isReportClaims = (value: unknown): value is UsageReportClaims => {
  if (value === null || typeof value !== "object") return false;
  const c = value as Record<string, unknown>;
  return (
    c.iss === "ninsho-relay" &&
    ["jti", "gid", "aud", "lic"].every((k) => typeof c[k] === "string") &&
    FIGURES.every((k) => Number.isSafeInteger(c[k]) && (c[k] as number) >= 0)
  );
};

/**
 * Verify a usage report file on the vendor's side: its grant by the vendor's keys, the report by the relay key
 * that grant certifies, and the report about that very grant. Anything else is USAGE_REPORT_INVALID with its
 * `why`; a report's figures can only be what the certified relay signed.
 * @example
 * const checked = verifyUsageReport(JSON.parse(text), vendorKeys);
 */
export function verifyUsageReport(
  file: unknown,
  vendorKeys: PublicKeys,
): Result<{ readonly grant: VolumeGrantClaims; readonly report: UsageReportClaims }> {
  if (file === null || typeof file !== "object") return fail("USAGE_REPORT_INVALID", { why: "malformed" });
  const { format, grant: grantText, report: reportText } = file as Record<string, unknown>;
  if (format !== USAGE_REPORT_FORMAT || typeof grantText !== "string" || typeof reportText !== "string")
    return fail("USAGE_REPORT_INVALID", { why: "malformed" });
  const grant = verifyVolumeGrant(grantText, vendorKeys);
  if (!grant.ok) {
    const why = grant.error.params?.why;
    return fail("USAGE_REPORT_INVALID", { why: why === "bad_signature" ? "unknown_key" : (why ?? "claims") });
  }
  const checked = verifyCompactJws(reportText.trim(), USAGE_REPORT_TYPE, certifiedRelayKeys(grant.value));
  if (!checked.ok)
    return fail("USAGE_REPORT_INVALID", {
      why: checked.reason === "unknown_key" ? "other_grant" : checked.reason,
    });
  const report = checked.payload;
  if (!isReportClaims(report)) return fail("USAGE_REPORT_INVALID", { why: "claims" });
  if (report.gid !== grant.value.jti || report.aud !== grant.value.aud || report.lic !== grant.value.lic)
    return fail("USAGE_REPORT_INVALID", { why: "other_grant" });
  return ok({ grant: grant.value, report });
}
