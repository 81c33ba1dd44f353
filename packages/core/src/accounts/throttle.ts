/** How many sign-in attempts are allowed before the answer is a refusal, and for how long. */
export interface SignInLimits {
  /** Failed attempts on one email address per window; then it is locked until the window ends. */
  readonly perAccount: number;
  /** Failed attempts from one client address (group) per window, whatever the emails. */
  readonly perAddress: number;
  readonly windowSeconds: number;
}

/** Ten wrong passwords in 15 minutes lock an account; fifty from one address slow that address down. */
export const defaultSignInLimits: SignInLimits = { perAccount: 10, perAddress: 50, windowSeconds: 900 };

/** A counter as it stands after this attempt was added to it (see the store's `RateLimitRepository`). */
export interface AttemptCount {
  readonly count: number;
  /** Epoch ms at which its window ends. */
  readonly resetAt: number;
}

/** What to do with one sign-in attempt, decided on the counts that include it (consume, then decide). */
export type SignInGate =
  | { readonly kind: "go" }
  /** Too many failures on this email: its owner resets the password, or waits until `until`. */
  | { readonly kind: "locked"; readonly until: number; readonly justLocked: boolean }
  /** Too many failures from this address. */
  | { readonly kind: "throttled"; readonly until: number };

/**
 * Admit or refuse a sign-in attempt on the counters it was just added to: N attempts racing against a limit
 * of M see the counts 1…N, so exactly M get to try a password. The lock is the account's (its owner is told how
 * to get back in); the address limit is the client's. `justLocked` is true for the one attempt that locked it,
 * so the owner is told once.
 * @example
 * signInGate({ count: 11, resetAt }, { count: 11, resetAt }, defaultSignInLimits); // { kind: "locked", … }
 */
export function signInGate(account: AttemptCount, address: AttemptCount, limits: SignInLimits): SignInGate {
  if (account.count > limits.perAccount)
    return { kind: "locked", until: account.resetAt, justLocked: account.count === limits.perAccount + 1 };
  if (address.count > limits.perAddress) return { kind: "throttled", until: address.resetAt };
  return { kind: "go" };
}
