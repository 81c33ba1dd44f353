/** The seat rules as pure functions: pool, same holder, overage windows, borrowing, heartbeats, daily peaks. */
import {
  DEFAULT_MATCH_THRESHOLD,
  decideCheckOut,
  decideHeartbeat,
  defaultComponentWeights,
  isSeatHeld,
  type License,
  noSeatAvailable,
  overageSeats,
  overageState,
  type Policy,
  peakConcurrentByDay,
  policyDefaults,
  type Seat,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";

const NOW = new Date("2026-03-01T12:00:00.000Z");
const HOUR = 3_600_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);

const policy = (overrides: Partial<Policy> = {}): Policy => ({
  id: "pol_floating",
  productId: "prd_app",
  name: "Floating",
  channel: "floating",
  ...policyDefaults,
  expiry: { kind: "none" },
  matchThreshold: DEFAULT_MATCH_THRESHOLD,
  componentWeights: defaultComponentWeights,
  entitlements: [],
  seats: 2,
  heartbeatTimeoutSeconds: 60,
  createdAt: "2026-01-01T00:00:00.000Z",
  ...overrides,
});

const license: License = {
  id: "lic_1",
  productId: "prd_app",
  policyId: "pol_floating",
  status: "active",
  keyHint: "Y234J",
  createdAt: "2026-01-01T00:00:00.000Z",
};

let n = 0;
const seat = (overrides: Partial<Seat> = {}): Seat => ({
  id: `seat_${++n}`,
  licenseId: license.id,
  kind: "floating",
  holder: `fp:${n}`,
  name: "m",
  platform: "linux",
  secretDigest: "00",
  overage: false,
  checkedOutAt: NOW.toISOString(),
  heartbeatAt: NOW.toISOString(),
  expiresAt: at(60_000).toISOString(),
  ...overrides,
});

describe("decideCheckOut", () => {
  it("takes a free seat until the pool is full, then explains who holds it and when the next frees", () => {
    const first = decideCheckOut({ license, policy: policy(), held: 0, holder: "fp:a", now: NOW });
    expect(first).toMatchObject({ ok: true, value: { outcome: "new_seat", kind: "floating" } });
    const held = [seat({ expiresAt: at(30_000).toISOString() }), seat()];
    const full = decideCheckOut({ license, policy: policy(), held: 2, holder: "fp:new", now: NOW });
    if (!full.ok || full.value.outcome !== "full") throw new Error("expected a full pool");
    expect(noSeatAvailable(full.value.explanation, held, NOW)).toMatchObject({
      ok: false,
      error: {
        code: "NO_SEAT_AVAILABLE",
        params: { held: 2, seats: 2, nextFreeAt: at(30_000).toISOString() },
      },
    });
  });

  it("a seat past its expiry is free whatever its row says, and the same holder gets its own seat again", () => {
    const lapsed = seat({ expiresAt: NOW.toISOString() });
    expect(isSeatHeld(lapsed, NOW)).toBe(false);
    const mine = seat({ holder: "fp:me" });
    const decided = decideCheckOut({
      license,
      policy: policy({ seats: 1 }),
      held: 1,
      mine,
      holder: "fp:me",
      now: NOW,
    });
    expect(decided).toMatchObject({ ok: true, value: { outcome: "same_holder", seat: { id: mine.id } } });
  });

  it("overage: at least one extra seat, opened once, for its hours, then a cooling span of the same length", () => {
    const p = policy({ seats: 20, overage: { percent: 10, hours: 24 } });
    expect(overageSeats(p)).toBe(2);
    expect(overageSeats(policy({ seats: 5, overage: { percent: 10, hours: 1 } }))).toBe(1);
    expect(overageState(p, undefined, NOW)).toEqual({ kind: "available" });
    const start = NOW.toISOString();
    expect(overageState(p, start, at(23 * HOUR)).kind).toBe("open");
    expect(overageState(p, start, at(24 * HOUR)).kind).toBe("cooling");
    expect(overageState(p, start, at(48 * HOUR)).kind).toBe("available");
    const over = decideCheckOut({ license, policy: p, held: 20, holder: "fp:x", now: NOW });
    expect(over).toMatchObject({
      ok: true,
      value: { outcome: "new_seat", endsBy: at(24 * HOUR).toISOString(), overage: { opened: true } },
    });
    const cooling = decideCheckOut({
      license,
      policy: p,
      held: 20,
      holder: "fp:x",
      now: at(30 * HOUR),
      lastOverageStart: start,
    });
    expect(cooling).toMatchObject({
      ok: true,
      value: { outcome: "full", explanation: { overageAllowed: 0 } },
    });
  });

  it("borrowing is bounded by the policy's days and floating policies only", () => {
    const p = policy({ borrowMaxDays: 7 });
    const borrowed = decideCheckOut({
      license,
      policy: p,
      held: 0,
      holder: "fp:a",
      now: NOW,
      borrowDays: 7,
    });
    expect(borrowed).toMatchObject({
      ok: true,
      value: { kind: "borrowed", expiresAt: at(7 * 24 * HOUR).toISOString() },
    });
    for (const [pol, days] of [
      [p, 8],
      [policy(), 1],
      [policy({ channel: "workload" }), 1],
    ] as const) {
      const refused = decideCheckOut({
        license,
        policy: pol,
        held: 0,
        holder: "fp:a",
        now: NOW,
        borrowDays: days,
      });
      expect(refused).toMatchObject({ ok: false, error: { code: "BORROW_NOT_ALLOWED" } });
    }
  });

  it("a device policy's license has no seats; a suspended license gives none", () => {
    expect(
      decideCheckOut({ license, policy: policy({ channel: "retail" }), held: 0, holder: "x", now: NOW }),
    ).toMatchObject({
      ok: false,
      error: { code: "SEAT_CHANNEL_REQUIRED" },
    });
    const suspended = { ...license, status: "suspended" as const };
    expect(
      decideCheckOut({ license: suspended, policy: policy(), held: 0, holder: "x", now: NOW }),
    ).toMatchObject({
      ok: false,
      error: { code: "LICENSE_SUSPENDED" },
    });
  });
});

describe("decideHeartbeat", () => {
  it("moves the expiry to the timeout ahead, never past a hard end; a lapsed or returned seat is SEAT_EXPIRED", () => {
    expect(decideHeartbeat(seat(), policy(), license, at(30_000))).toEqual({
      ok: true,
      value: at(90_000).toISOString(),
    });
    const capped = seat({ endsBy: at(70_000).toISOString() });
    expect(decideHeartbeat(capped, policy(), license, at(30_000))).toEqual({
      ok: true,
      value: at(70_000).toISOString(),
    });
    expect(decideHeartbeat(seat(), policy(), license, at(60_000))).toMatchObject({
      ok: false,
      error: { code: "SEAT_EXPIRED", params: { cause: "lapsed" } },
    });
    const returned = seat({ returnedAt: at(1000).toISOString() });
    expect(decideHeartbeat(returned, policy(), license, at(2000))).toMatchObject({
      error: { params: { cause: "returned", expiredAt: at(1000).toISOString() } },
    });
  });
});

describe("peakConcurrentByDay", () => {
  it("sweeps spans per UTC day; a seat handed on at one instant is one seat; a span through a day counts on it", () => {
    const spans = [
      { from: "2026-03-01T10:00:00Z", to: "2026-03-01T11:00:00Z" },
      { from: "2026-03-01T11:00:00Z", to: "2026-03-01T12:00:00Z" },
      { from: "2026-03-01T10:30:00Z", to: "2026-03-03T01:00:00Z" },
      { from: "2026-03-03T00:30:00Z", to: "2026-03-03T00:40:00Z" },
    ];
    expect(peakConcurrentByDay(spans, "2026-02-28", "2026-03-04")).toEqual([
      { day: "2026-02-28", peak: 0 },
      { day: "2026-03-01", peak: 2 },
      { day: "2026-03-02", peak: 1 },
      { day: "2026-03-03", peak: 2 },
      { day: "2026-03-04", peak: 0 },
    ]);
  });
});
