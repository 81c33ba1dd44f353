import { type AttemptCount, type Problem, signInGate } from "@ninsho/core";
import type { AccountRecord } from "@ninsho/store";
import type { ServerDeps } from "../deps.js";
import { keyedDigest } from "./secrets.js";

/** A refusal of an account flow, and how long to wait when it is a lock or a throttle (Retry-After). */
export type Refusal = Problem & { readonly retryAfter?: number };

/** A throttled request's refusal. */
export const throttled = (retryAfter: number): Refusal => ({
  code: "RATE_LIMITED",
  params: { retryAfter },
  retryAfter,
});

/** One attempt counted on an email's and a client's sign-in counters, and the decision taken on them. */
export interface CountedAttempt {
  /** The refusal when the attempt may not try a password (locked, throttled); `undefined` to go ahead. */
  readonly refusal?: Problem;
  /** Seconds until the refusal ends, for Retry-After. */
  readonly retryAfter?: number;
  /** True for the one attempt that locked the account (its owner is mailed once). */
  readonly justLocked: boolean;
  /** Give the attempt back (a right password): an owner signing in often is never locked for it. */
  refund(): Promise<void>;
}

/** "2026-03-01 09:15 UTC": an instant as a person reads it in a message, in either language. */
export const readableInstant = (ms: number): string =>
  `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * Count a sign-in attempt, then decide (see core's `signInGate`). The email's counter is named by a keyed
 * digest of the email (the same for an email with no account, so a lock says nothing about who has one) and the
 * current password (a reset starts a new counter: it unlocks). The client's counter is its
 * address group. Both live in the store's rate-limit counters, shared by every server process.
 * @example
 * const attempt = await countSignInAttempt(deps, email, account, c.get("clientSource"));
 * if (attempt.refusal) return fail(…);
 */
export async function countSignInAttempt(
  deps: ServerDeps,
  email: string,
  account: AccountRecord | undefined,
  source: string,
): Promise<CountedAttempt> {
  const limits = deps.accounts.signInLimits;
  const windowMs = limits.windowSeconds * 1000;
  const now = deps.clock().getTime();
  // The password's own hash names the epoch: every new password (a reset) has a new salt, so a new counter.
  const epoch =
    account === undefined
      ? "-"
      : keyedDigest(deps.accounts.keys.digests, "epoch", account.passwordHash).slice(0, 12);
  const accountKey = `si:a:${keyedDigest(deps.accounts.keys.digests, "sign-in", email)}:${epoch}`;
  const addressKey = `si:c:${source}`.slice(0, 255);
  const counters = deps.store.rateLimits;
  const [byAccount, byAddress]: AttemptCount[] = await Promise.all([
    counters.consume(accountKey, 1, windowMs, now),
    counters.consume(addressKey, 1, windowMs, now),
  ]);
  const refund = async () => {
    await Promise.all([
      counters.consume(accountKey, -1, windowMs, now),
      counters.consume(addressKey, -1, windowMs, now),
    ]);
  };
  if (byAccount === undefined || byAddress === undefined) throw new Error("sign-in counters not counted");
  const gate = signInGate(byAccount, byAddress, limits);
  const wait = (until: number) => Math.max(1, Math.ceil((until - now) / 1000));
  switch (gate.kind) {
    case "go":
      return { justLocked: false, refund };
    case "locked":
      return {
        refusal: {
          code: "ACCOUNT_LOCKED",
          params: { until: readableInstant(gate.until) },
          details: { until: new Date(gate.until).toISOString(), retryAfter: wait(gate.until) },
        },
        retryAfter: wait(gate.until),
        justLocked: gate.justLocked,
        refund,
      };
    case "throttled":
      return {
        refusal: { code: "RATE_LIMITED", params: { retryAfter: wait(gate.until) } },
        retryAfter: wait(gate.until),
        justLocked: false,
        refund,
      };
  }
}

/**
 * Count one use of a cheap-to-abuse public route (sign-up, reset request) by a client: true when it is over
 * `perHour` and must be refused (RATE_LIMITED), the same for every email.
 * @example
 * if (await overHourlyLimit(deps, "su", c.get("clientSource"), 20)) …
 */
export async function overHourlyLimit(
  deps: ServerDeps,
  name: string,
  source: string,
  perHour: number,
): Promise<number | undefined> {
  const now = deps.clock().getTime();
  const counted = await deps.store.rateLimits.consume(`${name}:c:${source}`.slice(0, 255), 1, 3_600_000, now);
  return counted.count > perHour ? Math.max(1, Math.ceil((counted.resetAt - now) / 1000)) : undefined;
}
