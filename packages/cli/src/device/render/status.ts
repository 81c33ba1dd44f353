import type { Locale } from "@ninsho/core";
import { type ClientStatus, formatDuration } from "@ninsho/sdk";
import { displayWidth, when } from "../../admin/format.js";
import type { DeviceMessages } from "../messages/index.js";

/**
 * An instant with the time left until it, as the device commands print it.
 * @example
 * until("2026-11-28T02:48:12.000Z", 86_400_000, "en"); // "2026-11-28 02:48:12Z (1 day)"
 */
export function until(iso: string, leftMs: number | undefined, locale: Locale): string {
  return leftMs === undefined || leftMs <= 0 ? when(iso) : `${when(iso)} (${formatDuration(leftMs, locale)})`;
}

/**
 * A label and its value (`undefined`: left out). A value may span lines.
 * @example
 * const pair: Pair = ["State", "active — the app may run"];
 */
export type Pair = readonly [string, string | undefined];

/**
 * Label–value lines, values aligned; the later lines of a multi-line value aligned under its first.
 * @example
 * renderPairs([["Fingerprint", "board  3f9a…\ndisk  77c1…"]]); // ["Fingerprint  board  3f9a…", "             disk  77c1…"]
 */
export function renderPairs(pairs: readonly Pair[]): string[] {
  const present = pairs.filter((pair): pair is readonly [string, string] => pair[1] !== undefined);
  const width = Math.max(0, ...present.map(([label]) => displayWidth(label)));
  return present.flatMap(([label, value]) => {
    const [first = "", ...rest] = value.split("\n");
    const head = `${label}${" ".repeat(width - displayWidth(label))}  ${first}`;
    return [head, ...rest.map((line) => `${" ".repeat(width + 2)}${line}`)];
  });
}

/**
 * The pairs of `ninsho device status`: the verdict and why, the license, the device, the lease and grace
 * times with the time left, the last server contact, and any problem with what to do.
 * @example
 * for (const line of renderPairs(statusPairs(await client.status(), m, "en"))) console.log(line);
 */
export function statusPairs(status: ClientStatus, m: DeviceMessages, locale: Locale): Pair[] {
  const nowMs = Date.parse(status.checkedAt);
  const leftUntil = (iso: string | undefined) =>
    iso === undefined ? undefined : until(iso, Date.parse(iso) - nowMs, locale);
  const c = status.connection;
  const problem = status.code === undefined ? undefined : `${status.code}: ${status.message ?? ""}`;
  // A phone confirmation does not say when the license ends (only when its own lease does): left out.
  const license =
    status.licenseExpiresAt === undefined
      ? status.leaseExpiresAt === undefined || status.leaseKind === "phone-confirmed"
        ? undefined
        : m.never
      : leftUntil(status.licenseExpiresAt);
  const entitlements = status.entitlements?.join(", ");
  return [
    [m.label("state"), m.state(status.state, status.valid)],
    [m.label("explanation"), status.explanation === "" ? undefined : status.explanation],
    [m.label("product"), status.productId],
    [m.label("license"), status.licenseId],
    [m.label("channel"), status.channel],
    [m.label("entitlements"), entitlements === "" ? m.none : entitlements],
    [m.label("device"), status.deviceId],
    [m.label("key"), status.keyHint === undefined ? undefined : `…${status.keyHint}`],
    [m.label("leaseIssued"), status.leaseIssuedAt === undefined ? undefined : when(status.leaseIssuedAt)],
    [m.label("leaseUntil"), leftUntil(status.leaseExpiresAt)],
    [m.label("graceUntil"), leftUntil(status.graceEndsAt)],
    [m.label("licenseExpires"), license],
    [
      m.label("lastContact"),
      status.lastServerContactAt === undefined ? m.never : when(status.lastServerContactAt),
    ],
    [m.label("connection"), m.connection(c.state, c.failures)],
    [m.label("retryAt"), c.retryAt === undefined ? undefined : when(c.retryAt)],
    [m.label("problem"), problem],
    [m.label("remedy"), status.remedy],
  ];
}
