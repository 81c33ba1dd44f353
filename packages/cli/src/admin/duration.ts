const UNIT_SECONDS = { s: 1, m: 60, h: 3_600, d: 86_400, w: 604_800 } as const;
type Unit = keyof typeof UNIT_SECONDS;

const WHOLE = /^(?:\d+[smhdw])+$/;
const PART = /(\d+)([smhdw])/g;

/**
 * Parse a duration as people write it — `30m`, `12h`, `7d`, `2w`, `1d12h`, or `0` — into whole seconds.
 * Returns `undefined` for anything else (no unit, negative, decimals, unknown units).
 * @example
 * parseDuration("7d"); // 604800
 * parseDuration("1h30m"); // 5400
 * parseDuration("7"); // undefined: a unit is required
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === "0") return 0;
  if (!WHOLE.test(trimmed)) return undefined;
  let seconds = 0;
  for (const [, amount, unit] of trimmed.matchAll(PART)) {
    seconds += Number(amount) * UNIT_SECONDS[unit as Unit];
  }
  return Number.isSafeInteger(seconds) ? seconds : undefined;
}

/**
 * Write seconds the way `parseDuration` reads them, largest units first (weeks are left as days).
 * @example
 * formatDuration(604800); // "7d"
 * formatDuration(5400); // "1h30m"
 * formatDuration(0); // "0"
 */
export function formatDuration(seconds: number): string {
  if (seconds <= 0) return "0";
  let rest = Math.floor(seconds);
  let text = "";
  for (const unit of ["d", "h", "m", "s"] as const) {
    const size = UNIT_SECONDS[unit];
    if (rest >= size) {
      text += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return text;
}
