import type { Validation } from "@ninsho/contract";
import { type ErrorCode, type Fingerprint, fingerprintBinding } from "@ninsho/core";
import { acceptLease, acceptRelease, acceptVerdict, decisionAt } from "./accept.js";
import { readAnswer } from "./http/answers.js";
import {
  exchange,
  invalid,
  type OnlineContext,
  recordFailure,
  type StepResult,
  verifiedLease,
} from "./online.js";
import type { TransferProof } from "./ownership.js";
import { seed } from "./problem.js";
import type { ServerVerdict } from "./storage/stateFile.js";

/** The state each signed refusal of a validation puts the device in. */
const VERDICT_STATES: Partial<Record<ErrorCode, ServerVerdict["state"]>> = {
  LICENSE_SUSPENDED: "suspended",
  LICENSE_REVOKED: "revoked",
  LICENSE_EXPIRED: "expired",
  DEVICE_DEACTIVATED: "deactivated",
  // Deactivated by a transfer to another machine: the server's words say when, to which machine, and how.
  DEVICE_REPLACED: "deactivated",
  FINGERPRINT_MISMATCH: "mismatch",
  DEVICE_FORKED: "forked",
  LEASE_SUPERSEDED: "superseded",
};

const STATE_CODES: Partial<Record<string, ErrorCode>> = {
  suspended: "LICENSE_SUSPENDED",
  revoked: "LICENSE_REVOKED",
  expired: "LICENSE_EXPIRED",
};

function verdictOf(v: Validation, locale: OnlineContext["locale"]): Omit<ServerVerdict, "at"> | undefined {
  const code = v.problem?.code ?? STATE_CODES[v.state];
  const state = code === undefined ? undefined : VERDICT_STATES[code];
  if (code === undefined || state === undefined) return undefined;
  const problem = v.problem;
  // The server's words are signed with the rest of the answer, and carry params the SDK cannot know.
  const text =
    problem?.message !== undefined && problem.remedy !== undefined
      ? { text: { locale, message: problem.message, remedy: problem.remedy } }
      : {};
  return {
    state,
    seed: { code, ...(problem?.details === undefined ? {} : { details: problem.details }), ...text },
  };
}

/** A secret being registered, as the request carries it (once; the server keeps it sealed). */
const deviceSecretField = (fresh: { readonly secretText: string } | undefined) =>
  fresh ? { deviceSecret: fresh.secretText } : {};

const spoofed = (ctx: OnlineContext, reason: string) =>
  recordFailure(ctx, seed("RESPONSE_SIGNATURE_INVALID", undefined, { reason }), "spoofed");

/**
 * Genuinely signed, but an answer to another machine's fingerprint: a relay swapped one registered machine in
 * for this one. The answer names the digest of the fingerprint its request carried; it must be this one's.
 */
const answersAnother = (answer: { readonly fingerprintDigest?: string }, sent: Fingerprint): boolean =>
  answer.fingerprintDigest !== fingerprintBinding(sent);

/**
 * Activate this machine with a key: a new device in a free slot, or this device recognised again.
 *
 * @example
 * const result = await activateOnline(ctx, "JYTG9-X6CJ6-JGC3R-8V6Q9-48HP2");
 * if (result.ok) console.log(result.value.decision); // { outcome: "new_device" }
 */
export async function activateOnline(
  ctx: OnlineContext,
  key: string,
  base: { readonly baseKey?: string; readonly baseLicenseId?: string } = {},
): Promise<StepResult<{ decision: unknown }>> {
  const fingerprint = await ctx.fingerprint();
  // The lease this machine holds keeps its lineage going; without one the server starts a new lineage, and
  // every other copy's lease is refused from then on (LEASE_SUPERSEDED).
  const held = ctx.session.lease ? { lease: ctx.session.lease.token } : {};
  // The device key (made now if this machine has none) is registered with the device the server settles on.
  const signing = await ctx.signer.forRegistration();
  const payload = { key, fingerprint, device: ctx.device, ...held, ...base, ...deviceSecretField(signing) };
  const answer = await exchange(ctx, "/v1/activations", payload, signing?.secret);
  if (!answer.ok) return answer;
  const activation = readAnswer.activation(answer.body);
  if (!activation) return invalid(ctx, "not an activation");
  // Genuinely signed, but about another product: the server signs anyone's answers, so this is a replay.
  if (activation.license.productId !== ctx.productId) return spoofed(ctx, "an answer about another product");
  if (answersAnother(activation, fingerprint)) return spoofed(ctx, "an answer to another machine's request");
  const lease = await verifiedLease(ctx, activation.lease, activation.device.id);
  if (!lease.ok) return lease;
  const decision = decisionAt(ctx, "activation", activation.decision.outcome, activation.decision);
  await acceptLease(ctx, lease.value, answer.serverTimeMs, decision, activation.license, fingerprint);
  return { ok: true, value: { decision: activation.decision } };
}

/**
 * Validate the lease online: a refreshed lease, or a signed verdict that changes the state.
 *
 * @example
 * const result = await validateOnline(ctx);
 * if (result.ok && !result.value.valid) console.log(ctx.session.state.verdict?.state); // "revoked"
 */
export async function validateOnline(ctx: OnlineContext): Promise<StepResult<{ valid: boolean }>> {
  const current = ctx.session.lease;
  if (!current) return recordFailure(ctx, seed("NOT_ACTIVATED"), "refused");
  const fingerprint = await ctx.fingerprint();
  // The device proves its refresh; a device activated before device secrets makes one now and registers it.
  const held = await ctx.signer.current();
  const fresh = held ? undefined : await ctx.signer.fresh();
  const payload = { lease: current.token, fingerprint, ...deviceSecretField(fresh) };
  const answer = await exchange(ctx, "/v1/validate", payload, held ?? fresh?.secret);
  if (!answer.ok) return answer;
  const v = readAnswer.validation(answer.body);
  if (!v) return invalid(ctx, "not a validation");
  if (v.license.productId !== ctx.productId) return spoofed(ctx, "an answer about another product");
  if (answersAnother(v, fingerprint)) return spoofed(ctx, "an answer to another machine's request");
  const deviceId = v.device?.id ?? current.claims.sub;
  if (deviceId !== current.claims.sub) return spoofed(ctx, "an answer about another device");
  if (v.valid) {
    const decision = decisionAt(ctx, "validation", "valid", v.decision);
    const lease =
      v.lease === undefined
        ? { ok: true as const, value: current }
        : await verifiedLease(ctx, v.lease, deviceId);
    if (!lease.ok) return lease;
    await acceptLease(ctx, lease.value, answer.serverTimeMs, decision, v.license, fingerprint);
    return { ok: true, value: { valid: true } };
  }
  const verdict = verdictOf(v, ctx.locale);
  if (!verdict) return invalid(ctx, "a refusal without a known reason");
  const decision = decisionAt(ctx, "validation", verdict.seed.code, v.decision ?? v.problem?.details);
  await acceptVerdict(ctx, verdict, answer.serverTimeMs, decision, v.license);
  return { ok: true, value: { valid: false } };
}

/**
 * Free this machine's slot. Its lease is the proof of which device asks.
 *
 * @example
 * const result = await deactivateOnline(ctx);
 * if (result.ok) console.log(result.value.deactivatedAt);
 */
export async function deactivateOnline(
  ctx: OnlineContext,
): Promise<StepResult<{ deviceId: string; deactivatedAt: string }>> {
  let current = ctx.session.lease;
  if (!current) return recordFailure(ctx, seed("NOT_ACTIVATED"), "refused");
  // A lease past its grace no longer stands for the device on the server: refresh it first (as the device,
  // with its proof), so a machine that was off for weeks can still give its slot back.
  if (ctx.now() >= current.graceEndsAtMs) {
    const refreshed = await validateOnline(ctx);
    if (!refreshed.ok) return refreshed;
    current = ctx.session.lease ?? current;
  }
  const answer = await exchange(
    ctx,
    "/v1/deactivations",
    { lease: current.token },
    await ctx.signer.current(),
  );
  if (!answer.ok) return answer;
  const d = readAnswer.deactivation(answer.body);
  if (!d) return invalid(ctx, "not a deactivation");
  if (d.device.id !== current.claims.sub) return spoofed(ctx, "an answer about another device");
  await acceptRelease(ctx, answer.serverTimeMs, decisionAt(ctx, "deactivation", "deactivated", undefined));
  return { ok: true, value: { deviceId: d.device.id, deactivatedAt: d.device.deactivatedAt } };
}

/**
 * Move the license from another machine (deactivated by the server in the same step, and refused with
 * DEVICE_REPLACED at its next contact) to this one, proven by the key and the code mailed to the owner.
 *
 * @example
 * const result = await transferOnline(ctx, key, "dev_01OLDMACHINE", { code: "48213907" });
 * if (result.ok) console.log(result.value.transfersLeft); // 2
 */
export async function transferOnline(
  ctx: OnlineContext,
  key: string,
  fromDeviceId: string,
  proof?: TransferProof,
): Promise<StepResult<{ deviceId: string; transfersLeft: number }>> {
  const fingerprint = await ctx.fingerprint();
  const signing = await ctx.signer.forRegistration();
  const code = proof === undefined ? {} : { code: proof.code };
  const payload = {
    key,
    ...code,
    replacesDeviceId: fromDeviceId,
    fingerprint,
    device: ctx.device,
    ...deviceSecretField(signing),
  };
  const answer = await exchange(ctx, "/v1/transfers", payload, signing?.secret);
  if (!answer.ok) return answer;
  const t = readAnswer.transfer(answer.body);
  if (!t) return invalid(ctx, "not a transfer");
  if (t.replacesDeviceId !== fromDeviceId) return spoofed(ctx, "an answer about another transfer");
  if (answersAnother(t, fingerprint)) return spoofed(ctx, "an answer to another machine's request");
  const lease = await verifiedLease(ctx, t.lease, t.device.id);
  if (!lease.ok) return lease;
  const match = { fromDeviceId, transfersLeft: t.transfersLeft };
  const decision = decisionAt(ctx, "transfer", "transferred", match);
  await acceptLease(ctx, lease.value, answer.serverTimeMs, decision, undefined, fingerprint);
  return { ok: true, value: { deviceId: t.device.id, transfersLeft: t.transfersLeft } };
}
