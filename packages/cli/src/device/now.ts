/**
 * The test-only clock override `NINSHO_DEVICE_NOW`, so integration tests can move a device through its lease
 * and grace, or set its clock back, against a real server that signs with the real time. Not for production:
 * the SDK's clock-rollback detection is what stops a user from doing the same with the system clock.
 *
 * Accepted: an ISO 8601 instant (`2027-01-01T00:00:00Z`), epoch milliseconds, or an offset from the real
 * clock (`+8d`, `-3d`, `+90m`, `-2h`, `+30s`).
 * @example
 * const now = deviceClock(process.env[DEVICE_NOW_ENV]);
 */
export const DEVICE_NOW_ENV = "NINSHO_DEVICE_NOW";

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * The device clock from `NINSHO_DEVICE_NOW`, or the real clock when unset; `undefined` when the value cannot
 * be read (the caller reports it).
 * @example
 * const now = deviceClock("+8d"); // eight days from now, moving with the real clock
 * now?.(); // epoch milliseconds
 */
export function deviceClock(
  value: string | undefined,
  real: () => number = Date.now,
): (() => number) | undefined {
  const text = value?.trim() ?? "";
  if (text === "") return real;
  const offset = /^([+-])(\d+)([smhd])$/.exec(text);
  if (offset) {
    const [, sign, amount, unit] = offset;
    const ms = Number(amount) * (UNIT_MS[unit ?? ""] ?? Number.NaN) * (sign === "-" ? -1 : 1);
    return Number.isFinite(ms) ? () => real() + ms : undefined;
  }
  const fixed = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(fixed)) return undefined;
  // A fixed instant still moves with real time, so timeouts and backoffs behave as they would.
  const start = real();
  return () => fixed + (real() - start);
}
