const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What a one-time account token is for. */
export const accountTokenPurposes = ["verify", "reset", "challenge", "recovery"] as const;
export type AccountTokenPurpose = (typeof accountTokenPurposes)[number];

/**
 * How long each kind of token is good for, in ms: a verification link two days, a reset link one hour, the
 * second step of a sign-in five minutes, a session 30 days; recovery codes until used (`undefined`).
 */
export const accountTokenLifetimes: Readonly<Record<AccountTokenPurpose | "session", number | undefined>> = {
  verify: 2 * DAY,
  reset: HOUR,
  challenge: 5 * MINUTE,
  recovery: undefined,
  session: 30 * DAY,
};

/**
 * When a token made at `now` for `purpose` stops working, or `undefined` for never.
 * @example
 * tokenExpiry("reset", new Date("2026-03-01T09:00:00Z")); // "2026-03-01T10:00:00.000Z"
 */
export function tokenExpiry(purpose: AccountTokenPurpose | "session", now: Date): string | undefined {
  const lifetime = accountTokenLifetimes[purpose];
  return lifetime === undefined ? undefined : new Date(now.getTime() + lifetime).toISOString();
}

/**
 * Whether a stored token may still be used: not used yet and not expired (an expiry instant is already past).
 * @example
 * tokenUsable({ expiresAt: "2026-03-01T10:00:00.000Z" }, new Date("2026-03-01T09:59:59Z")); // true
 */
export function tokenUsable(
  token: { readonly expiresAt?: string; readonly usedAt?: string },
  now: Date,
): boolean {
  if (token.usedAt !== undefined) return false;
  return token.expiresAt === undefined || now.getTime() < Date.parse(token.expiresAt);
}
