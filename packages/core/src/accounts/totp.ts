/** RFC 6238 as authenticator apps implement it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/**
 * Steps either side of now a code is accepted for: one (RFC 6238 §5.2 recommends at most one step of network
 * delay), so a code typed as it changes still works and a code is never good for more than 90 seconds.
 */
export const TOTP_WINDOW = 1;

/**
 * The TOTP step an instant falls in.
 * @example
 * totpStep(Date.parse("1970-01-01T00:01:00Z")); // 2
 */
export const totpStep = (nowMs: number): number => Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);

/**
 * Whether a code that matched step `step` may sign in: within the window around now, and later than the last
 * step used, so a code seen over a shoulder cannot be used a second time (RFC 6238 §5.2).
 * @example
 * totpStepAccepted(100, 100, 99); // true
 * totpStepAccepted(100, 100, 100); // false: already used
 */
export function totpStepAccepted(step: number, nowStep: number, lastUsedStep: number | undefined): boolean {
  if (Math.abs(step - nowStep) > TOTP_WINDOW) return false;
  return lastUsedStep === undefined || step > lastUsedStep;
}
