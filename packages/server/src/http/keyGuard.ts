import type { Problem, Result } from "@ninsho/core";
import type { Context } from "hono";
import type { ServerDeps } from "../deps.js";
import type { AppEnv } from "./env.js";
import { NinshoError } from "./problem.js";

/** Failures that are guesses: what an enumeration of keys or IDs, or a guess at a proof, runs into. */
const GUESSING_CODES: ReadonlySet<Problem["code"]> = new Set([
  "KEY_MALFORMED",
  "KEY_NOT_FOUND",
  "INSTALLATION_ID_MALFORMED",
  "INSTALLATION_ID_NOT_FOUND",
  "OFFLINE_FILE_INVALID",
]);

/**
 * What a cheap look at a request found before any work is done: the key's HMAC lookup, an ID's proof. `ok`
 * when it names what it claims (the work may still refuse it for other reasons); otherwise the refusal, which
 * counts as a guess when it is one. `proofFor` names the license whose proof was checked.
 */
export type Probe =
  | { readonly ok: true; readonly proofFor?: string | undefined }
  | { readonly ok: false; readonly error: Problem; readonly proofFor?: string | undefined };

/**
 * Run a lookup under the guessing limits (see `RateLimits`). The probe decides first, cheaply, whether the
 * request names a real key (or holds a valid proof):
 * - a guess is counted, then answered: with its refusal while the client is within its allowance, with 429
 *   and Retry-After past it (so N guesses in parallel get exactly the allowance's worth of answers);
 * - a real one is never counted, and is refused (429) only when its own client is past its allowance: a
 *   valid key never pays for others' guesses, and a guesser past its allowance learns nothing, not even
 *   that a guess was right. Only then does `work` run.
 * @example
 * const result = await guardKeyLookup(deps, c, () => probeKey(deps, body.key), () => activate(deps, body));
 */
export async function guardKeyLookup<T>(
  deps: ServerDeps,
  c: Context<AppEnv>,
  probe: () => Promise<Probe>,
  work: () => Promise<Result<T>>,
): Promise<Result<T>> {
  const looked = await probe();
  const subject = { source: c.get("clientSource"), proofFor: looked.proofFor };
  if (looked.ok) {
    refuseIfWaiting(await deps.limits.admitFound(subject, deps.clock()));
    return work();
  }
  if (GUESSING_CODES.has(looked.error.code)) {
    refuseIfWaiting(await deps.limits.chargeFailure(subject, deps.clock()));
  }
  return { ok: false, error: looked.error };
}

function refuseIfWaiting(retryAfter: number | undefined): void {
  if (retryAfter === undefined) return;
  throw new NinshoError(
    { code: "RATE_LIMITED", params: { retryAfter } },
    { "Retry-After": String(retryAfter) },
  );
}
