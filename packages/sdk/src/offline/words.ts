import type { Locale } from "@ninsho/core";
import { formatDuration } from "../client/duration.js";
import type { Grant } from "../client/grants.js";
import { sdkText } from "../i18n/index.js";

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
  const t = sdkText(locale);
  if (!Number.isFinite(grant.leaseExpiresAtMs)) return t("phone.noEnd");
  const times = {
    leaseUntil: iso(grant.leaseExpiresAtMs),
    graceUntil: iso(grant.graceEndsAtMs),
    left: formatDuration(grant.graceEndsAtMs - nowMs, locale),
  };
  return t(state === "active" ? "phone.active" : "phone.grace", times);
}
