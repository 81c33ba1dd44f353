import type { Locale } from "@ninsho/core";
import type { Grant } from "../client/grants.js";
import { formatDuration } from "../client/statusView.js";

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The status's explanation while a phone confirmation lets the app run, in English or Japanese.
 *
 * @example
 * phoneExplanation(grant, "active", Date.now(), "en");
 * // "The phone confirmation verified with the product's offline key; it runs until …, then grace until … (… left)."
 */
export function phoneExplanation(
  grant: Grant,
  state: "active" | "grace",
  nowMs: number,
  locale: Locale,
): string {
  const ja = locale === "ja";
  if (!Number.isFinite(grant.leaseExpiresAtMs)) {
    return ja
      ? "電話認証の確認 ID を製品のオフライン鍵で確認しました。期限はありません。"
      : "The phone confirmation verified with the product's offline key; it has no end.";
  }
  const lxp = iso(grant.leaseExpiresAtMs);
  const exp = iso(grant.graceEndsAtMs);
  const left = formatDuration(grant.graceEndsAtMs - nowMs, locale);
  if (state === "active") {
    return ja
      ? `電話認証の確認 ID を製品のオフライン鍵で確認しました。${lxp} まで有効で、その後 ${exp} まで猶予期間があります（残り ${left}）。`
      : `The phone confirmation verified with the product's offline key; it runs until ${lxp}, then grace until ${exp} (${left} left).`;
  }
  return ja
    ? `電話認証の期間は ${lxp} に終わりました。猶予期間で ${exp} まで動作します（残り ${left}）。`
    : `The phone confirmation's lease ended on ${lxp}; the app runs on grace until ${exp} (${left} left).`;
}
