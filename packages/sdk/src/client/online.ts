import { type Fingerprint, type Locale, signDeviceProof } from "@ninsho/core";
import { BACKOFF_DEFAULTS, type BackoffOptions, backoffDelay } from "./backoff.js";
import type { DeviceSigner } from "./deviceKey/signer.js";
import type { ClientEmitter } from "./events.js";
import { type Exchange, type Prover, postSigned, type Transport } from "./http/transport.js";
import { type PreparedLease, prepareLease } from "./lease.js";
import { explain, type ProblemSeed, seed } from "./problem.js";
import type { Session } from "./session.js";
import type { ConnectionState } from "./types.js";

/**
 * What the online operations share.
 *
 * @example
 * const { session, context } = await openDevice(options, keys, store, events);
 * await validateOnline(context);
 */
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
  /** The device's key (device proof): signs every request that acts as this device. */
  readonly signer: DeviceSigner;
}

/**
 * An online step's result: done, or the problem (and the kind of fault) that stopped it.
 *
 * @example
 * const result: StepResult<{ valid: boolean }> = await validateOnline(ctx);
 * if (!result.ok) console.log(result.connection); // "unreachable"
 */
export type StepResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly seed: ProblemSeed;
      readonly connection: Exclude<ConnectionState, "ok" | "unknown">;
    };

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Send a request and keep the verified answer, or record the failure (backoff) and pass it on.
 *
 * @example
 * const answer = await exchange(ctx, "/v1/validate", { lease: token, fingerprint });
 * if (!answer.ok) return answer; // the failure is already recorded
 */
export async function exchange(
  ctx: OnlineContext,
  path: string,
  payload: Record<string, unknown>,
  deviceSecret?: Buffer,
): Promise<Extract<Exchange, { ok: true }> | Extract<StepResult<never>, { ok: false }>> {
  let answer = await postSigned(ctx.transport, path, payload, deviceSecret && prover(ctx, deviceSecret));
  // A proof refused as stale: this clock is off. Once, with the server's time it named (it can only make
  // this request fail, which a network that lies can do anyway).
  const serverTime = staleProofServerTime(answer);
  if (deviceSecret && serverTime !== undefined) {
    const offsetMs = serverTime - ctx.now();
    answer = await postSigned(ctx.transport, path, payload, prover(ctx, deviceSecret, offsetMs));
  }
  if (answer.ok) return answer;
  await recordFailure(ctx, answer.seed, answer.connection, answer.retryAfterMs);
  return { ok: false, seed: answer.seed, connection: answer.connection };
}

/** The server's time as this device last saw it: its clock plus the offset of the last signed answer. */
function serverOffsetMs(ctx: OnlineContext): number {
  const { lastServerTimeMs, lastContactAt } = ctx.session.state;
  return lastServerTimeMs === undefined || lastContactAt === undefined ? 0 : lastServerTimeMs - lastContactAt;
}

const prover =
  (ctx: OnlineContext, secret: Buffer, offsetMs = serverOffsetMs(ctx)): Prover =>
  (path, body) =>
    signDeviceProof(secret, { path, body, at: new Date(ctx.now() + offsetMs) });

function staleProofServerTime(answer: Exchange): number | undefined {
  if (answer.ok || answer.seed.code !== "DEVICE_PROOF_INVALID") return undefined;
  const details = answer.seed.details as { reason?: unknown; serverTime?: unknown } | undefined;
  if (details?.reason !== "stale" || typeof details.serverTime !== "string") return undefined;
  const at = Date.parse(details.serverTime);
  return Number.isFinite(at) ? at : undefined;
}

/**
 * A failed attempt: nothing the device holds changes; the next automatic attempt waits out a backoff, or the
 * server's Retry-After when that is longer (a rate limit, a maintenance window), up to the backoff's longest wait.
 *
 * @example
 * await recordFailure(ctx, seed("SERVER_TIMEOUT", { seconds: 10 }), "timeout");
 */
export async function recordFailure(
  ctx: OnlineContext,
  problem: ProblemSeed,
  connection: Exclude<ConnectionState, "ok" | "unknown">,
  serverAskedMs?: number,
): Promise<StepResult<never>> {
  const { state } = ctx.session;
  const now = ctx.now();
  state.failures += 1;
  state.lastFailure = problem;
  state.lastAttemptAt = now;
  const longest = Math.max(
    ctx.backoff.minMs ?? BACKOFF_DEFAULTS.minMs,
    ctx.backoff.maxMs ?? BACKOFF_DEFAULTS.maxMs,
  );
  const asked = Math.min(serverAskedMs ?? 0, longest);
  state.nextOnlineAt = now + Math.max(backoffDelay(state.failures, ctx.backoff), asked);
  await ctx.session.save().catch(() => undefined);
  ctx.events.emit("refresh", {
    ok: false,
    at: iso(now),
    problem: explain(problem, ctx.locale),
    retryAt: iso(state.nextOnlineAt),
  });
  return { ok: false, seed: problem, connection };
}

/**
 * A signed answer that is not what was asked for is no answer either.
 *
 * @example
 * if (!readAnswer.transfer(body)) return invalid(ctx, "not a transfer");
 */
export const invalid = (ctx: OnlineContext, reason: string) =>
  recordFailure(ctx, seed("RESPONSE_INVALID", undefined, { reason }), "invalid_response");

/**
 * A lease inside a signed answer is verified on its own too: it is what the device will trust offline.
 *
 * @example
 * const lease = await verifiedLease(ctx, answer.lease, answer.deviceId);
 * if (!lease.ok) return lease;
 */
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
