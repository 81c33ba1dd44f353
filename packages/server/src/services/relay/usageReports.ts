import { fail, newId, ok, type Result, type UsageReportClaims, verifyUsageReport } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import { iso } from "./volumeGrants.js";

/** A report as the timeline keeps it and the admin API answers it. */
export interface ImportedReport {
  readonly reportId: string;
  readonly grantId: string;
  readonly licenseId: string;
  readonly from: string;
  readonly to: string;
  readonly admitted: number;
  readonly maxDevices: number;
  readonly renewals: number;
  readonly peak: number;
  readonly refused: number;
  readonly rollbacks: number;
  readonly imported: boolean;
}

const figures = (r: UsageReportClaims) => ({
  reportId: r.jti,
  grantId: r.gid,
  licenseId: r.lic,
  from: iso(r.from),
  to: iso(r.to),
  admitted: r.adm,
  maxDevices: r.max,
  renewals: r.rnw,
  peak: r.pk,
  refused: r.ref,
  rollbacks: r.rbk,
});

/**
 * Import a relay's usage report (a file brought back by USB or email) into its license's timeline, for
 * true-up. The attacker is the customer who edits the file to report fewer devices: the report must be signed
 * by the relay key that a grant signed by this server's product key certifies, so a changed figure, a report
 * of another relay, or a grant the vendor never issued is USAGE_REPORT_INVALID. The same report imported again
 * is recorded once (`imported: false`).
 * @example
 * const imported = await importUsageReport(deps, fileText, "token:tok_…");
 */
export async function importUsageReport(
  deps: ServerDeps,
  fileText: string,
  actor: string,
): Promise<Result<ImportedReport>> {
  let file: unknown;
  try {
    file = JSON.parse(fileText);
  } catch {
    return fail("USAGE_REPORT_INVALID", { why: "malformed" });
  }
  const checked = verifyUsageReport(file, await deps.keyring.verifyingKeys());
  if (!checked.ok) return checked;
  const { report, grant } = checked.value;
  const product = (await deps.keyring.leaseVerifiers()).get(grantKid(file));
  if (product?.productId !== grant.aud) return fail("USAGE_REPORT_INVALID", { why: "unknown_key" });
  const at = deps.clock().toISOString();
  return deps.store.transaction(async (tx) => {
    const license = await tx.licenses.lockById(report.lic);
    if (!license || license.productId !== grant.aud)
      return fail("LICENSE_NOT_FOUND", { licenseId: report.lic });
    const earlier = await tx.events.listTypesSince(license.id, ["relay.usage_reported"], iso(0));
    if (earlier.some((e) => e.data.reportId === report.jti))
      return ok({ ...figures(report), imported: false });
    await tx.events.append({
      id: newId("event"),
      licenseId: license.id,
      type: "relay.usage_reported",
      actor,
      data: figures(report),
      createdAt: at,
    });
    return ok({ ...figures(report), imported: true });
  });
}

/** The `kid` of the grant inside a report file (already verified, so well formed). */
function grantKid(file: unknown): string {
  const grant = (file as { grant: string }).grant.trim();
  const header = JSON.parse(Buffer.from(grant.split(".")[0] ?? "", "base64url").toString("utf8")) as {
    kid: string;
  };
  return header.kid;
}
