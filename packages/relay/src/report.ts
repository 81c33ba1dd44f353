import { newId, signUsageReport, USAGE_REPORT_FORMAT, type UsageReportFile } from "@ninsho/core";
import { countersOf, type RelayContext } from "./context.js";

/**
 * The relay's usage so far under its grant, for its admin page and its report.
 * @example
 * const { admitted, peak } = relayUsage(ctx);
 */
export function relayUsage(ctx: RelayContext) {
  const counters = countersOf(ctx);
  const { n } = ctx.db
    .prepare("SELECT count(*) AS n FROM devices WHERE grant_id = ? AND status = 'active'")
    .get(ctx.grant.jti) as { n: number };
  return {
    admitted: n,
    maxDevices: ctx.grant.max,
    renewals: counters.renewals,
    peak: counters.peak,
    refused: counters.refused,
    rollbacks: counters.rollbacks,
    locked: counters.locked === 1,
    since: new Date(counters.first_ms),
    trustedTime: new Date(counters.trusted_ms),
  };
}

/**
 * A signed usage report file: the figures signed by the relay's key, with the grant that certifies that key,
 * so the vendor's server verifies relay key → grant → its own product key (`verifyUsageReport`) and the
 * customer cannot lower a figure. Goes back to the vendor by USB or email.
 * @example
 * writeFileSync("usage.json", JSON.stringify(usageReportFile(ctx), null, 2));
 */
export function usageReportFile(ctx: RelayContext): UsageReportFile {
  const usage = relayUsage(ctx);
  const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
  const now = ctx.clock();
  const report = signUsageReport(ctx.keys.signing, {
    iss: "ninsho-relay",
    jti: newId("usageReport"),
    gid: ctx.grant.jti,
    aud: ctx.grant.aud,
    lic: ctx.grant.lic,
    from: seconds(usage.since),
    to: seconds(now),
    adm: usage.admitted,
    max: usage.maxDevices,
    rnw: usage.renewals,
    pk: usage.peak,
    ref: usage.refused,
    rbk: usage.rollbacks,
    iat: seconds(now),
  });
  return { format: USAGE_REPORT_FORMAT, grant: ctx.grantText, report };
}
