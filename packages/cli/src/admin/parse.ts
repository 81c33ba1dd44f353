import type { ExpiryRule } from "@ninsho/core";
import { refuse } from "../usageReason.js";
import { parseDuration } from "./duration.js";

/**
 * Commander argument parsers: each returns the value or refuses it (`refuse`: commander's `InvalidArgumentError`
 * with a reason from the command's messages), which becomes USAGE_INVALID_VALUE in the user's language, exit 2.
 * @example
 * command.option("--max-devices <n>", "devices at once", positiveInt);
 */
export function positiveInt(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
    refuse("usage.reason.positiveInt");
  }
  return value;
}

/**
 * A whole number of 0 or more.
 * @example
 * command.option("--transfers-per-year <n>", "self-service transfers", wholeNumber);
 */
export function wholeNumber(text: string): number {
  return text.trim() === "0" ? 0 : positiveInt(text);
}

/**
 * A share between 0 (excluded) and 1.
 * @example
 * fraction("0.55"); // 0.55
 */
export function fraction(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0 || value > 1) {
    refuse("usage.reason.fraction");
  }
  return value;
}

/**
 * A duration such as `7d`, `12h`, `30m` or `1d12h`, in seconds.
 * @example
 * duration("14d"); // 1209600
 */
export function duration(text: string): number {
  const seconds = parseDuration(text);
  if (seconds === undefined) refuse("usage.reason.duration");
  return seconds;
}

/**
 * Component weights: `board=30,disk=20`.
 * @example
 * weights("board=30,disk=20"); // { board: 30, disk: 20 }
 */
export function weights(text: string): Record<string, number> {
  const result: Record<string, number> = {};
  for (const part of text.split(",")) {
    const match = /^\s*([a-z][a-z0-9-]*)\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!match?.[1] || match[2] === undefined) {
      refuse("usage.reason.weights");
    }
    result[match[1]] = Number(match[2]);
  }
  return result;
}

/**
 * An instant: a date (`2027-01-01`, meaning 00:00 UTC that day) or a full ISO 8601 time with its offset.
 * @example
 * instant("2027-01-01"); // "2027-01-01T00:00:00.000Z"
 */
export function instant(text: string): string {
  const trimmed = text.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(trimmed);
  const withTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed);
  const time = Date.parse(dateOnly ? `${trimmed}T00:00:00Z` : trimmed);
  if ((!dateOnly && !withTime) || Number.isNaN(time)) {
    refuse("usage.reason.instant");
  }
  const iso = new Date(time).toISOString();
  if (dateOnly && !iso.startsWith(trimmed)) refuse("usage.reason.noSuchDate");
  return iso;
}

/**
 * A policy's expiry: `none`, a date (fixed expiry), or a duration from the first activation.
 * @example
 * expiry("365d"); // { kind: "duration", seconds: 31536000 }
 * expiry("2027-01-01"); // { kind: "fixed", at: "2027-01-01T00:00:00.000Z" }
 */
export function expiry(text: string): ExpiryRule {
  if (text.trim().toLowerCase() === "none") return { kind: "none" };
  const seconds = parseDuration(text);
  if (seconds !== undefined) return { kind: "duration", seconds };
  try {
    return { kind: "fixed", at: instant(text) };
  } catch {
    refuse("usage.reason.expiry");
  }
}
