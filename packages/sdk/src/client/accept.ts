import type { LicenseView } from "@ninsho/contract";
import { type Fingerprint, fingerprintDigest } from "@ninsho/core";
import { acceptedRecord } from "./accepted.js";
import type { PreparedLease } from "./lease.js";
import type { OnlineContext } from "./online.js";
import type { LicenseFacts, ServerVerdict } from "./storage/stateFile.js";
import type { ServerDecision } from "./types.js";

/** How long a signed "no" holds before the SDK asks again on its own (a suspension may be lifted). */
const VERDICT_RECHECK_MS = 15 * 60_000;

const iso = (ms: number) => new Date(ms).toISOString();

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
      ...(license.policyId === undefined ? {} : { policyId: license.policyId }),
      ...(license.maxDevices === undefined ? {} : { maxDevices: license.maxDevices }),
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
  state.lastServerTimeMs = serverTimeMs;
  state.lastAttemptAt = now;
  state.failures = 0;
  delete state.lastFailure;
  state.lastDecision = decision;
  ctx.session.repaired();
}

/**
 * Store a new lease from a verified answer; the next refresh is due once `refreshFraction` of it has passed.
 * `sent`, the fingerprint the request carried, is what the server now compares this machine with.
 *
 * @example
 * await acceptLease(ctx, lease, answer.serverTimeMs, decisionAt(ctx, "validation", "valid", match), v.license, fingerprint);
 */
export async function acceptLease(
  ctx: OnlineContext,
  lease: PreparedLease,
  serverTimeMs: number,
  decision: ServerDecision,
  license?: LicenseView,
  sent?: Fingerprint,
): Promise<void> {
  const { state } = ctx.session;
  noteContact(ctx, serverTimeMs, decision);
  delete state.verdict;
  delete state.releasedAt;
  if (sent) state.accepted = acceptedRecord(sent, ctx.now());
  // The components this lease names: those sent (the usual case), else the basis kept, if it is still that.
  const fpd = lease.claims.fpd;
  if (sent && fingerprintDigest(sent.components) === fpd)
    state.basis = sent.components.map((c) => ({ ...c }));
  else if (state.basis && fingerprintDigest(state.basis) !== fpd) delete state.basis;
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

/**
 * Store a signed "no": it changes the state until a later signed answer says otherwise.
 *
 * @example
 * await acceptVerdict(ctx, { state: "revoked", seed: seed("LICENSE_REVOKED") }, serverTimeMs, decision);
 */
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

/**
 * A verified answer that leaves no lease behind (a deactivation).
 *
 * @example
 * await acceptRelease(ctx, answer.serverTimeMs, decisionAt(ctx, "deactivation", "deactivated", undefined));
 */
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
  delete state.accepted;
  delete state.basis;
  delete state.nextOnlineAt;
  // The slot is given back: a phone confirmation of this machine ends with it.
  if (state.offline?.phone) delete state.offline.phone;
  ctx.session.phone = undefined;
  state.releasedAt = ctx.now();
  await ctx.session.dropLease();
  await ctx.session.save();
}

/**
 * @example
 * decisionAt(ctx, "activation", "recognized", { score: 0.93, threshold: 0.4 });
 */
export const decisionAt = (
  ctx: OnlineContext,
  by: ServerDecision["by"],
  outcome: string,
  match: unknown,
): ServerDecision => ({ at: iso(ctx.now()), by, outcome, ...(match === undefined ? {} : { match }) });
