import {
  type Locale,
  newId,
  normalizeEmail,
  ok,
  passwordProblem,
  type Result,
  tokenExpiry,
} from "@ninsho/core";
import type { AccountRecord } from "@ninsho/store";
import type { ServerDeps } from "../deps.js";
import { overHourlyLimit, type Refusal, throttled } from "./counters.js";
import { accountLink, sendAccountMail } from "./mail/send.js";
import { hashPassword } from "./passwords.js";
import { newAccountToken, tokenDigest } from "./secrets.js";

/** Sign-ups one client may ask for per hour. */
const SIGN_UPS_PER_HOUR = 20;

export interface SignUpInput {
  readonly email: string;
  readonly password: string;
  readonly language: Locale;
  readonly source: string;
}

/**
 * Create an account and mail a verification link; for an email that has an account already, mail its owner
 * instead ("you already have an account"). The answer is the same either way, and the password is hashed either
 * way, so neither the answer nor the work done tells whether an email has an account.
 * @example
 * const done = await signUp(deps, { email, password, language: "ja", source: c.get("clientSource") });
 */
export async function signUp(
  deps: ServerDeps,
  input: SignUpInput,
): Promise<Result<{ email: string }, Refusal>> {
  const email = normalizeEmail(input.email);
  const weak = passwordProblem(input.password, email);
  if (weak) return { ok: false, error: weak };
  const retryAfter = await overHourlyLimit(deps, "su", input.source, SIGN_UPS_PER_HOUR);
  if (retryAfter !== undefined) return { ok: false, error: throttled(retryAfter) };
  const passwordHash = await hashPassword(
    deps.accounts.keys.passwordPepper,
    input.password,
    deps.accounts.scryptCost,
  );
  const now = deps.clock();
  const at = now.toISOString();
  const account: AccountRecord = {
    id: newId("account"),
    email,
    language: input.language,
    createdAt: at,
    passwordChangedAt: at,
    passwordHash,
  };
  const token = newAccountToken();
  const created = await deps.store.transaction(async (tx) => {
    if (!(await tx.accounts.insertIfAbsent(account))) return false;
    await tx.accountTokens.insert({
      digest: tokenDigest(token),
      accountId: account.id,
      purpose: "verify",
      createdAt: at,
      ...expiry("verify", now),
    });
    return true;
  });
  if (created) {
    await sendAccountMail(deps, email, input.language, "verify", {
      link: accountLink(deps, "/account/verify", token),
    });
  } else {
    const existing = await deps.store.accounts.findByEmail(email);
    await sendAccountMail(deps, email, existing?.language ?? input.language, "signup-exists", {
      link: accountLink(deps, "/account/reset"),
    });
  }
  return ok({ email });
}

/** `{ expiresAt }` for a token of `purpose` made at `now`, or nothing for a token good until used. */
export const expiry = (purpose: Parameters<typeof tokenExpiry>[0], now: Date): { expiresAt?: string } => {
  const at = tokenExpiry(purpose, now);
  return at === undefined ? {} : { expiresAt: at };
};
