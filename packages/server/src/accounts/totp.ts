import {
  fail,
  ok,
  type Result,
  seal,
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  TOTP_WINDOW,
  totpStep,
  totpStepAccepted,
  unseal,
} from "@ninsho/core";
import type { AccountRecord } from "@ninsho/store";
import { Secret, TOTP } from "otpauth";
import type { ServerDeps } from "../deps.js";
import { canonicalRecoveryCode, keyedDigest, newRecoveryCode } from "./secrets.js";

const RECOVERY_CODES = 10;

const totpOf = (deps: ServerDeps, account: AccountRecord, base32: string) =>
  new TOTP({
    issuer: new URL(deps.accounts.publicUrl).hostname,
    label: account.email,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(base32),
  });

/**
 * The step a code matches for a sealed secret, if it is accepted now (within the window, later than the last
 * step used); `undefined` otherwise.
 */
function matchedStep(
  deps: ServerDeps,
  account: AccountRecord,
  sealed: string,
  code: string,
): number | undefined {
  const base32 = unseal(deps.secrets, sealed, account.id);
  const now = deps.clock().getTime();
  const delta = totpOf(deps, account, base32).validate({ token: code, timestamp: now, window: TOTP_WINDOW });
  if (delta === null) return undefined;
  const step = totpStep(now) + delta;
  return totpStepAccepted(step, totpStep(now), account.totpLastStep) ? step : undefined;
}

/**
 * Check a current code of an account with the second factor on, and record its step so it never works twice
 * (compare and set: of two racing uses of one code, one wins).
 * @example
 * if (!(await useTotpCode(deps, account, body.code))) return fail("TOTP_CODE_INVALID");
 */
export async function useTotpCode(deps: ServerDeps, account: AccountRecord, code: string): Promise<boolean> {
  if (account.totpSecretSealed === undefined) return false;
  const step = matchedStep(deps, account, account.totpSecretSealed, code);
  return step !== undefined && (await deps.store.accounts.useTotpStep(account.id, step));
}

/** The digest a recovery code is kept under: keyed, and bound to its account. */
const recoveryDigest = (deps: ServerDeps, accountId: string, code: string) =>
  keyedDigest(deps.accounts.keys.digests, `recovery:${accountId}`, canonicalRecoveryCode(code));

/**
 * Use one of an account's recovery codes (once).
 * @example
 * if (!(await useRecoveryCode(deps, account, body.recoveryCode))) return fail("TOTP_CODE_INVALID");
 */
export async function useRecoveryCode(
  deps: ServerDeps,
  account: AccountRecord,
  code: string,
): Promise<boolean> {
  const at = deps.clock().toISOString();
  return (
    (await deps.store.accountTokens.use(recoveryDigest(deps, account.id, code), "recovery", at)) ===
    account.id
  );
}

/**
 * Start setting up the second factor: a new secret, kept sealed as pending until a code confirms it. Needs a
 * verified email (whoever can reset the password by mail must not find a stranger's second factor in the way).
 * @example
 * const setup = await startTotp(deps, account); // { secret, uri }
 */
export async function startTotp(
  deps: ServerDeps,
  account: AccountRecord,
): Promise<Result<{ secret: string; uri: string }>> {
  if (account.emailVerifiedAt === undefined) return fail("EMAIL_NOT_VERIFIED");
  if (account.totpEnabledAt !== undefined) return fail("TOTP_STATE_CONFLICT", { state: "enabled" });
  const secret = new Secret({ size: 20 }).base32;
  await deps.store.accounts.update(account.id, { totpPendingSealed: seal(deps.secrets, secret, account.id) });
  return ok({ secret, uri: totpOf(deps, account, secret).toString() });
}

/**
 * Confirm the pending secret with a code from the app: the second factor is on, and ten recovery codes (shown
 * once, kept as keyed digests) replace any earlier ones.
 * @example
 * const codes = await confirmTotp(deps, account, "123456");
 */
export async function confirmTotp(
  deps: ServerDeps,
  account: AccountRecord,
  code: string,
): Promise<Result<{ recoveryCodes: string[] }>> {
  if (account.totpEnabledAt !== undefined) return fail("TOTP_STATE_CONFLICT", { state: "enabled" });
  if (account.totpPendingSealed === undefined) return fail("TOTP_STATE_CONFLICT", { state: "notStarted" });
  const step = matchedStep(deps, account, account.totpPendingSealed, code);
  if (step === undefined) return fail("TOTP_CODE_INVALID");
  const at = deps.clock().toISOString();
  const secret = unseal(deps.secrets, account.totpPendingSealed, account.id);
  const recoveryCodes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  await deps.store.transaction(async (tx) => {
    await tx.accounts.update(account.id, {
      totpSecretSealed: seal(deps.secrets, secret, account.id),
      totpPendingSealed: null,
      totpEnabledAt: at,
    });
    await tx.accounts.useTotpStep(account.id, step);
    await tx.accountTokens.voidAll(account.id, "recovery", at);
    for (const recovery of recoveryCodes)
      await tx.accountTokens.insert({
        digest: recoveryDigest(deps, account.id, recovery),
        accountId: account.id,
        purpose: "recovery",
        createdAt: at,
      });
  });
  return ok({ recoveryCodes });
}

/**
 * Turn the second factor off with a current code from the app: its secret and recovery codes go.
 * @example
 * const off = await disableTotp(deps, account, "123456");
 */
export async function disableTotp(
  deps: ServerDeps,
  account: AccountRecord,
  code: string,
): Promise<Result<void>> {
  if (account.totpEnabledAt === undefined) return fail("TOTP_STATE_CONFLICT", { state: "disabled" });
  if (!(await useTotpCode(deps, account, code))) return fail("TOTP_CODE_INVALID");
  const at = deps.clock().toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.accounts.update(account.id, {
      totpSecretSealed: null,
      totpPendingSealed: null,
      totpEnabledAt: null,
    });
    await tx.accountTokens.voidAll(account.id, "recovery", at);
  });
  return ok(undefined);
}
