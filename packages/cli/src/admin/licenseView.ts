import type { AdminLicense, LicenseDetail, LicenseEvent } from "@ninsho/contract";
import type { Context } from "./context.js";
import { fields, table, when } from "./format.js";

/**
 * A license's own fields, in the user's language.
 * @example
 * printLicense(ctx, await ctx.api.licenseAction("lic_…", "suspend", "chargeback"));
 */
export function printLicense(ctx: Context, license: AdminLicense): void {
  const { label } = ctx;
  const lines = fields([
    [label("id"), license.id],
    [label("product"), license.productId],
    [label("policy"), license.policyId],
    [label("state"), license.state],
    [label("statusReason"), license.statusReason],
    [label("keyHint"), `…-${license.keyHint}`],
    [label("owner"), license.ownerEmail ?? label("none")],
    [label("created"), when(license.createdAt)],
    [
      label("firstActivated"),
      license.firstActivatedAt === undefined ? undefined : when(license.firstActivatedAt),
    ],
    [label("expires"), license.expiresAt === undefined ? label("never") : when(license.expiresAt)],
  ]);
  for (const text of lines) ctx.print(text);
}

/**
 * A license with its devices (deactivated ones too) and its timeline, oldest event first.
 * @example
 * printLicenseDetail(ctx, detail, events);
 */
export function printLicenseDetail(
  ctx: Context,
  detail: LicenseDetail,
  events: readonly LicenseEvent[],
): void {
  const { label } = ctx;
  printLicense(ctx, detail);
  ctx.print("");
  ctx.print(`${label("devices")} (${detail.devices.length}):`);
  const deviceRows = detail.devices.map((d) => [
    d.id,
    d.name,
    d.platform,
    when(d.activatedAt),
    when(d.lastSeenAt),
    d.deactivatedAt === undefined ? "" : when(d.deactivatedAt),
  ]);
  const deviceHeaders = ["id", "name", "platform", "activated", "lastSeen", "deactivated"] as const;
  printIndented(ctx, deviceHeaders.map(label), deviceRows);
  ctx.print("");
  ctx.print(`${label("timeline")} (${events.length}):`);
  const eventRows = events.map((e) => [
    when(e.createdAt),
    e.type,
    e.actor,
    e.reason ?? "",
    summarize(e.data),
  ]);
  const eventHeaders = ["time", "event", "actor", "reason", "details"] as const;
  printIndented(ctx, eventHeaders.map(label), eventRows);
}

function printIndented(ctx: Context, headers: readonly string[], rows: readonly string[][]): void {
  const lines = rows.length === 0 ? [ctx.label("noItems")] : table(headers, rows);
  for (const text of lines) ctx.print(`  ${text}`);
}

/**
 * The plain facts of an event's data (`from=… to=…`, `deviceId=…`), leaving nested objects to `--json`.
 * @example
 * summarize({ deviceId: "dev_1", decision: { score: 1 } }); // "deviceId=dev_1"
 */
export function summarize(data: Readonly<Record<string, unknown>>): string {
  return Object.entries(data)
    .filter(([, value]) => value === null || ["string", "number", "boolean"].includes(typeof value))
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(" ");
}
