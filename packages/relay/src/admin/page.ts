import type { Locale, VolumeGrantClaims } from "@ninsho/core";
import type { DeviceRow } from "../db.js";
import type { relayUsage } from "../report.js";
import { type AdminTexts, adminTexts } from "./texts.js";

const escapeHtml = (text: string | number): string =>
  String(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const when = (ms: number, locale: Locale) =>
  new Date(ms).toLocaleString(locale === "ja" ? "ja-JP" : "en-GB", { timeZone: "UTC", hour12: false }) +
  " UTC";

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#1b1b1b}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
.warn{background:#fff3cd;padding:.6rem;border:1px solid #e0c060}dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}`;

/** The frame of every admin page: language, title, a link to the other language. */
export function layout(locale: Locale, body: string): string {
  const t = adminTexts[locale];
  const other = locale === "ja" ? "en" : "ja";
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${t.title}</title>
<style>${STYLE}</style></head><body><header><h1>${t.title}</h1>
<a href="?lang=${other}" hreflang="${other}">${t.language}</a></header>${body}</body></html>`;
}

/**
 * The sign-in form (the admin token printed at start), with the refusal when a wrong one was given.
 * @example
 * c.html(signInPage("ja", false));
 */
export function signInPage(locale: Locale, refused: boolean): string {
  const t = adminTexts[locale];
  return layout(
    locale,
    `<form method="post" action="/admin/sign-in?lang=${locale}">
${refused ? `<p class="warn" role="alert">${t.badToken}</p>` : ""}
<label>${t.tokenLabel} <input name="token" type="password" autocomplete="off" required></label>
<button type="submit">${t.signIn}</button></form>`,
  );
}

const row = (cells: (string | number)[]) =>
  `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`;

const dl = (pairs: [string, string | number][]) =>
  `<dl>${pairs.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("")}</dl>`;

function clientsTable(t: AdminTexts, locale: Locale, devices: readonly DeviceRow[]): string {
  if (devices.length === 0) return `<p>${t.noClients}</p>`;
  const head = [t.slot, t.name, t.platform, t.admitted, t.lastSeen, t.leaseUntil, t.state];
  return `<table id="clients"><thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>
${devices
  .map((d) =>
    row([
      d.slot,
      d.name,
      d.platform,
      when(d.admitted_ms, locale),
      when(d.last_seen_ms, locale),
      when(d.lease_exp_ms, locale),
      d.status === "active" ? t.active : t.evicted,
    ]),
  )
  .join("\n")}</tbody></table>`;
}

/**
 * The admin page: status, clients, grant and usage, in the reader's language.
 * @example
 * c.html(dashboardPage("en", { grant, usage, devices, now }));
 */
export function dashboardPage(
  locale: Locale,
  view: {
    readonly grant: VolumeGrantClaims;
    readonly usage: ReturnType<typeof relayUsage>;
    readonly devices: readonly DeviceRow[];
    readonly now: Date;
  },
): string {
  const t = adminTexts[locale];
  const { grant, usage } = view;
  const days = (s: number) => `${Math.round(s / 86_400)} ${t.days}`;
  return layout(
    locale,
    `<section id="status"><h2>${t.status}</h2>
${usage.locked ? `<p class="warn" role="alert">${t.lockedNote}</p>` : ""}
${dl([
  [t.status, t.serving],
  [t.devicesAdmitted, `${usage.admitted} / ${usage.maxDevices}`],
  [t.clock, when(view.now.getTime(), locale)],
  [t.trustedTime, when(usage.trustedTime.getTime(), locale)],
])}</section>
<section><h2>${t.clients}</h2>${clientsTable(t, locale, view.devices)}</section>
<section id="grant"><h2>${t.grant}</h2>${dl([
      [t.grantId, grant.jti],
      [t.customer, grant.cus],
      [t.product, grant.aud],
      [t.license, grant.lic],
      [t.validFrom, when(grant.nbf * 1000, locale)],
      [t.validUntil, when(grant.exp * 1000, locale)],
      [t.renewEvery, days(grant.rnw)],
      [t.offlineFor, days(grant.off)],
    ])}</section>
<section id="usage"><h2>${t.usage}</h2>${dl([
      [t.devicesAdmitted, `${usage.admitted} / ${usage.maxDevices}`],
      [t.renewals, usage.renewals],
      [t.peak, usage.peak],
      [t.refused, usage.refused],
      [t.rollbacks, usage.rollbacks],
    ])}<p><a href="/admin/usage-report">${t.report}</a></p></section>`,
  );
}
