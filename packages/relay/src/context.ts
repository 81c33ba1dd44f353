import {
  deriveSecrets,
  fail,
  grantInForce,
  ok,
  type Result,
  type Secrets,
  type VolumeGrantClaims,
} from "@ninsho/core";
import { chainKey, chainSeal, chainStart, verifyChain } from "./chain.js";
import type { CounterRow, RelayDb } from "./db.js";
import type { RelayKeys } from "./files.js";

/** How far the relay's clock may fall behind the latest time it trusts before it calls it a rollback. */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;

/** Everything a relay decides with: its database, the grant it serves, its keys, its clock. */
export interface RelayContext {
  readonly db: RelayDb;
  readonly grant: VolumeGrantClaims;
  readonly grantText: string;
  readonly keys: RelayKeys;
  readonly secrets: Secrets;
  readonly chainKey: Buffer;
  readonly clock: () => Date;
}

/**
 * The grant's counters, made on first use: the chain starts bound to the grant id, and the trusted time starts
 * at the grant's issue time (a time anchor the vendor signed).
 * @example
 * const counters = countersOf(ctx);
 */
export function countersOf(ctx: RelayContext): CounterRow {
  const found = ctx.db.prepare("SELECT * FROM counters WHERE grant_id = ?").get(ctx.grant.jti) as
    | CounterRow
    | undefined;
  if (found) return found;
  const head = chainStart(ctx.grant.jti);
  ctx.db
    .prepare(
      "INSERT INTO counters (grant_id, seq, head, seal, trusted_ms, first_ms) VALUES (?, 0, ?, ?, ?, ?)",
    )
    .run(
      ctx.grant.jti,
      head,
      chainSeal(ctx.chainKey, ctx.grant.jti, 0, head),
      ctx.grant.iat * 1000,
      ctx.clock().getTime(),
    );
  return countersOf(ctx);
}

/**
 * A relay context over an open database, checked before it serves anything: the grant's chain is intact and
 * the clock is not behind what it trusts.
 * @example
 * const ctx = relayContext({ db, grant, grantText, keys, clock: () => new Date() });
 */
export function relayContext(input: Omit<RelayContext, "secrets" | "chainKey">): Result<RelayContext> {
  const ctx: RelayContext = {
    ...input,
    secrets: deriveSecrets(input.keys.master),
    chainKey: chainKey(input.keys.master),
  };
  const chain = verifyChain(ctx.db, ctx.chainKey, countersOf(ctx));
  if (!chain.ok) return chain;
  const time = timeHolds(ctx, countersOf(ctx));
  return time.ok ? ok(ctx) : time;
}

/**
 * Whether the relay may sign now: its clock not behind the latest trusted time (the grant's issue time, leases
 * it signed, presented back), and the grant in force.
 * @example
 * const time = timeHolds(ctx, countersOf(ctx));
 */
export function timeHolds(ctx: RelayContext, counters: CounterRow): Result<Date> {
  const now = ctx.clock();
  if (now.getTime() < counters.trusted_ms - CLOCK_TOLERANCE_MS)
    return fail("RELAY_CLOCK_ROLLBACK", {
      now: now.toISOString(),
      trustedTime: new Date(counters.trusted_ms).toISOString(),
    });
  const inForce = grantInForce(ctx.grant, now);
  return inForce.ok ? ok(now) : inForce;
}
