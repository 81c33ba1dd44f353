import type { Fingerprint, Locale } from "@ninsho/core";
import { type BackoffOptions, backoffDelay } from "./backoff.js";
import type { ClientEmitter } from "./events.js";
import type { LicenseView } from "./http/answers.js";
import { type Exchange, postSigned, type Transport } from "./http/transport.js";
import { type PreparedLease, prepareLease } from "./lease.js";
import { explain, type ProblemSeed, seed } from "./problem.js";
import type { Session } from "./session.js";
import type { LicenseFacts, ServerVerdict } from "./storage/stateFile.js";
import type { ConnectionState, ServerDecision } from "./types.js";

/** What the online operations share. */
export interface OnlineContext {
  readonly transport: Transport;
  readonly session: Session;
  readonly productId: string;
  readonly locale: Locale;
  readonly fingerprint: () => Promise<Fingerprint>;
  readonly device: { readonly name: string; readonly platform: string };
  readonly now: () => number;
  readonly refreshFraction: number;
  readonly backoff: BackoffOptions;
  readonly events: ClientEmitter;
}

/** An online step's result: done, or the problem (and the kind of fault) that stopped it. */
export type StepResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly seed: ProblemSeed;
      readonly connection: Exclude<ConnectionState, "ok" | "unknown">;
    };

/** How long a signed "no" holds before the SDK asks again on its own (a suspension may be lifted). */
export const VERDICT_RECHECK_MS = 15 * 60_000;

const iso = (ms: number) => new Date(ms).toISOString();

/** Send a request and keep the verified answer, or record the failure (backoff) and pass it on. */
export async function exchange(
  ctx: OnlineContext,
  path: string,
  payload: Record<string, unknown>,
): Promise<Extract<Exchange, { ok: true }> | Extract<StepResult<never>, { ok: false }>> {
  const answer = await postSigned(ctx.transport, path, payload);
  if (answer.ok) return answer;
  await recordFailure(ctx, answer.seed, answer.connection);
  return { ok: false, seed: answer.seed, connection: answer.connection };
}

/** A failed attempt: nothing the device holds changes; the next automatic attempt waits out a backoff. */
export async function recordFailure(
  ctx: OnlineContext,
  problem: ProblemSeed,
  connection: Exclude<ConnectionState, "ok" | "unknown">,
): Promise<StepResult<never>> {
  const { state } = ctx.session;
  const now = ctx.now();
  state.failures += 1;
  state.lastFailure = problem;
  state.lastAttemptAt = now;
  state.nextOnlineAt = now + backoffDelay(state.failures, ctx.backoff);
  await ctx.session.save().catch(() => undefined);
  ctx.events.emit("refresh", {
    ok: false,
    at: iso(now),
    problem: explain(problem, ctx.locale),
    retryAt: iso(state.nextOnlineAt),
  });
  return { ok: false, seed: problem, connection };
}

/** A signed answer that is not what was asked for is no answer either. */
export const invalid = (ctx: OnlineContext, reason: string) =>
  recordFailure(ctx, seed("RESPONSE_INVALID", undefined, { reason }), "invalid_response");

/** A lease inside a signed answer is verified on its own too: it is what the device will trust offline. */
export async function verifiedLease(
  ctx: OnlineContext,
  token: string,
  deviceId: string,
): Promise<StepResult<PreparedLease>> {
  const prepared = prepareLease(token, ctx.transport.keys, ctx.productId, deviceId);
  if (prepared.ok) return { ok: true, value: prepared.lease };
  const problem = seed("RESPONSE_SIGNATURE_INVALID", undefined, {
    reason: `lease: ${prepared.refusal.reason}`,
  });
  return recordFailure(ctx, problem, "spoofed");
}

const factsOf = (
  license: LicenseView | undefined,
  lease: PreparedLease | undefined,
): LicenseFacts | undefined => {
  if (license) {
    return {
      channel: license.channel,
      entitlements: [...license.entitlements],
      status: license.status,
      ...(license.expiresAt === undefined ? {} : { expiresAt: license.expiresAt }),
    };
  }
  if (!lease) return undefined;
  const { chn, ent, lex } = lease.claims;
  return {
    channel: chn,
    entitlements: [...ent],
    ...(lex === undefined ? {} : { expiresAt: iso(lex * 1000) }),
  };
};

/** Everything a verified answer changes whatever it says: contact time, clock marks, backoff reset. */
function noteContact(ctx: OnlineContext, serverTimeMs: number, decision: ServerDecision): void {
  const { state } = ctx.session;
  const now = ctx.now();
  ctx.session.observeServerTime(serverTimeMs, now);
  state.lastContactAt = now;
  state.lastAttemptAt = now;
  state.failures = 0;
  delete state.lastFailure;
  state.lastDecision = decision;
  ctx.session.repaired();
}

/** Store a new lease from a verified answer; the next refresh is due once `refreshFraction` of it has passed. */
export async function acceptLease(
  ctx: OnlineContext,
  lease: PreparedLease,
  serverTimeMs: number,
  decision: ServerDecision,
  license?: LicenseView,
): Promise<void> {
  const { state } = ctx.session;
  noteContact(ctx, serverTimeMs, decision);
  delete state.verdict;
  delete state.releasedAt;
  const facts = factsOf(license, lease);
  if (facts) state.license = facts;
  const length = lease.leaseExpiresAtMs - lease.issuedAtMs;
  state.nextOnlineAt = Math.max(lease.issuedAtMs, ctx.now()) + ctx.refreshFraction * length;
  await ctx.session.takeLease(lease);
  await ctx.session.save();
  ctx.events.emit("lease", {
    deviceId: lease.claims.sub,
    leaseExpiresAt: iso(lease.leaseExpiresAtMs),
    graceEndsAt: iso(lease.graceEndsAtMs),
  });
  ctx.events.emit("refresh", { ok: true, at: iso(ctx.now()) });
}

/** Store a signed "no": it changes the state until a later signed answer says otherwise. */
export async function acceptVerdict(
  ctx: OnlineContext,
  verdict: Omit<ServerVerdict, "at">,
  serverTimeMs: number,
  decision: ServerDecision,
  license?: LicenseView,
): Promise<void> {
  const { state } = ctx.session;
  noteContact(ctx, serverTimeMs, decision);
  state.verdict = { ...verdict, at: ctx.now() };
  const facts = factsOf(license, ctx.session.lease);
  if (facts) state.license = facts;
  state.nextOnlineAt = ctx.now() + VERDICT_RECHECK_MS;
  await ctx.session.save();
  ctx.events.emit("refresh", { ok: true, at: iso(ctx.now()) });
}

/** A verified answer that leaves no lease behind (a deactivation). */
export async function acceptRelease(
  ctx: OnlineContext,
  serverTimeMs: number,
  decision: ServerDecision,
): Promise<void> {
  const { state } = ctx.session;
  noteContact(ctx, serverTimeMs, decision);
  delete state.verdict;
  delete state.deviceId;
  delete state.licenseId;
  delete state.license;
  delete state.nextOnlineAt;
  state.releasedAt = ctx.now();
  await ctx.session.dropLease();
  await ctx.session.save();
}

export const decisionAt = (
  ctx: OnlineContext,
  by: ServerDecision["by"],
  outcome: string,
  match: unknown,
): ServerDecision => ({ at: iso(ctx.now()), by, outcome, ...(match === undefined ? {} : { match }) });
