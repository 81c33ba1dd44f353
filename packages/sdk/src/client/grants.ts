import type { PhoneLease } from "../offline/phoneLease.js";
import type { PreparedLease } from "./lease.js";
import { type ProblemSeed, seed } from "./problem.js";
import type { ClientState, LeaseKind } from "./types.js";

/**
 * One right to run, whatever granted it: a signed lease (online activation, license file) or a phone
 * confirmation. Instants in epoch milliseconds; `Infinity` when a phone confirmation granted no end.
 *
 * @example
 * const grant: Grant = { kind: "signed", issuedAtMs, leaseExpiresAtMs, graceEndsAtMs };
 */
export interface Grant {
  readonly kind: LeaseKind;
  readonly issuedAtMs: number;
  readonly leaseExpiresAtMs: number;
  readonly graceEndsAtMs: number;
}

/**
 * The grants a device holds, signed lease first.
 *
 * @example
 * grantsOf(session.lease, session.phone); // [{ kind: "signed", … }, { kind: "phone-confirmed", … }]
 */
export function grantsOf(lease: PreparedLease | undefined, phone: PhoneLease | undefined): Grant[] {
  const grants: Grant[] = [];
  if (lease) grants.push({ kind: "signed", ...times(lease) });
  if (phone) grants.push({ kind: "phone-confirmed", ...times(phone) });
  return grants;
}

const times = (g: Omit<Grant, "kind">) => ({
  issuedAtMs: g.issuedAtMs,
  leaseExpiresAtMs: g.leaseExpiresAtMs,
  graceEndsAtMs: g.graceEndsAtMs,
});

/**
 * What one grant says at `nowMs`: active, on grace, or over.
 *
 * @example
 * timeVerdict(grant, Date.now()); // { state: "grace", valid: true, grant: "phone-confirmed" }
 */
export function timeVerdict(
  grant: Grant,
  nowMs: number,
): { state: ClientState; valid: boolean; seed?: ProblemSeed; grant: LeaseKind } {
  if (nowMs < grant.leaseExpiresAtMs) return { state: "active", valid: true, grant: grant.kind };
  if (nowMs < grant.graceEndsAtMs) return { state: "grace", valid: true, grant: grant.kind };
  const graceEnd = new Date(grant.graceEndsAtMs).toISOString();
  return {
    state: "expired",
    valid: false,
    seed: seed("LEASE_EXPIRED", { graceEnd }),
    grant: grant.kind,
  };
}

const RANK: Partial<Record<ClientState, number>> = { active: 2, grace: 1 };

/**
 * The best of what the grants say: an active one over one on grace over expired ones (the signed lease first
 * among equals, and among expired ones the one that ended last). A phone confirmation is never lost to a
 * shorter signed lease, nor a signed lease to a phone confirmation.
 *
 * @example
 * bestVerdict(grantsOf(session.lease, session.phone), Date.now()).state; // "active"
 */
export function bestVerdict(grants: readonly Grant[], nowMs: number): ReturnType<typeof timeVerdict> {
  let best: { verdict: ReturnType<typeof timeVerdict>; grant: Grant } | undefined;
  for (const grant of grants) {
    const verdict = timeVerdict(grant, nowMs);
    const rank = RANK[verdict.state] ?? 0;
    const bestRank = best ? (RANK[best.verdict.state] ?? 0) : -1;
    const laterEnd = best !== undefined && rank === 0 && grant.graceEndsAtMs > best.grant.graceEndsAtMs;
    if (rank > bestRank || laterEnd) best = { verdict, grant };
  }
  if (!best) throw new Error("unreachable: a verdict needs at least one grant");
  return best.verdict;
}

/**
 * The grant whose times a status shows: the one that decided the verdict, else the signed lease, else the
 * phone confirmation.
 *
 * @example
 * grantInEffect(session.lease, session.phone, session.judge(Date.now()).grant)?.kind; // "phone-confirmed"
 */
export function grantInEffect(
  lease: PreparedLease | undefined,
  phone: PhoneLease | undefined,
  kind: LeaseKind | undefined,
): Grant | undefined {
  const grants = grantsOf(lease, phone);
  return grants.find((g) => g.kind === kind) ?? grants[0];
}

const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : undefined);

/**
 * A grant's kind and instants as a status shows them (ISO 8601; an end that never comes is left out).
 *
 * @example
 * grantTimes(grant); // { leaseKind: "signed", leaseIssuedAt: "…", leaseExpiresAt: "…", graceEndsAt: "…" }
 */
export function grantTimes(grant: Grant): {
  leaseKind: LeaseKind;
  leaseIssuedAt?: string;
  leaseExpiresAt?: string;
  graceEndsAt?: string;
} {
  const [leaseIssuedAt, leaseExpiresAt, graceEndsAt] = [
    grant.issuedAtMs,
    grant.leaseExpiresAtMs,
    grant.graceEndsAtMs,
  ].map(iso);
  return {
    leaseKind: grant.kind,
    ...(leaseIssuedAt ? { leaseIssuedAt } : {}),
    ...(leaseExpiresAt ? { leaseExpiresAt } : {}),
    ...(graceEndsAt ? { graceEndsAt } : {}),
  };
}
