import type { Locale } from "@ninsho/core";
import { sdkText } from "../i18n/index.js";

/**
 * `6 days 23 hours`, `5 hours 12 minutes`, `40 seconds`: precise enough for a person, never longer.
 *
 * @example
 * formatDuration(6 * 86_400_000 + 5 * 3_600_000, "en"); // "6 days 5 hours"
 * formatDuration(90_000, "ja"); // "1 分 30 秒"
 */
export function formatDuration(ms: number, locale: Locale): string {
  const t = sdkText(locale);
  const units = [
    [86_400_000, "duration.day"],
    [3_600_000, "duration.hour"],
    [60_000, "duration.minute"],
    [1000, "duration.second"],
  ] as const;
  // The largest non-zero unit and the one right below it (omitted when zero): "30 days 5 minutes" would
  // read as more precise than it is, so a zero hour ends the phrase at "30 days".
  const parts: string[] = [];
  let rest = Math.max(0, ms);
  let started = false;
  for (const [index, [size, unit]] of units.entries()) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    const last = index === units.length - 1;
    if (!started && n === 0 && !last) continue;
    if (started && n === 0) break;
    parts.push(t(unit, { n }));
    if (started) break;
    started = true;
  }
  return parts.join(" ");
}
