import { fail, ok, type Result, tokenUsable } from "@ninsho/core";
import type { AccountRecord } from "@ninsho/store";
import type { ServerDeps } from "../deps.js";
import { countSignInAttempt } from "./counters.js";
import { tokenDigest } from "./secrets.js";
import type { SignInRefusal } from "./signIn.js";
import { useRecoveryCode, useTotpCode } from "./totp.js";

/** The second step of a sign-in: the challenge from the first, and a code from the app or a recovery code. */
export interface TotpStepInput {
  readonly challenge: string;
  readonly code?: string | undefined;
  readonly recoveryCode?: string | undefined;
  readonly source: string;
}

/**
 * Finish a sign-in with the second factor. The challenge (five minutes) is used only by a right code, so a typo
 * can be corrected; wrong codes count on the same counters as wrong passwords, so guessing codes locks the
 * account like guessing passwords does.
 * @example
 * const done = await signInWithTotp(deps, { challenge, code: "123456", source });
 */
export async function signInWithTotp(
  deps: ServerDeps,
  input: TotpStepInput,
): Promise<Result<AccountRecord, SignInRefusal>> {
  const digest = tokenDigest(input.challenge);
  const found = await deps.store.accountTokens.find(digest, "challenge");
  if (!found || !tokenUsable(found, deps.clock())) return fail("SIGN_IN_EXPIRED");
  const account = await deps.store.accounts.findById(found.accountId);
  if (!account || account.totpEnabledAt === undefined) return fail("SIGN_IN_EXPIRED");
  const attempt = await countSignInAttempt(deps, account.email, account, input.source);
  if (attempt.refusal) {
    const retryAfter = attempt.retryAfter === undefined ? {} : { retryAfter: attempt.retryAfter };
    return { ok: false, error: { ...attempt.refusal, ...retryAfter } };
  }
  const proven =
    input.code !== undefined
      ? await useTotpCode(deps, account, input.code)
      : input.recoveryCode !== undefined && (await useRecoveryCode(deps, account, input.recoveryCode));
  if (!proven) return fail("TOTP_CODE_INVALID");
  const used = await deps.store.accountTokens.use(digest, "challenge", deps.clock().toISOString());
  if (used !== account.id) return fail("SIGN_IN_EXPIRED");
  await attempt.refund();
  return ok(account);
}
