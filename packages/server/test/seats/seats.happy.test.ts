/**
 * Floating seats and workloads, happy paths: check-out, heartbeat, return, a silent holder reclaimed after the
 * timeout (a hand-moved clock: nothing runs in between), overage within its window, borrowing with an early
 * return or lapsing by itself, and the vendor's view (timeline, peak concurrent instances per day).
 */
import type { KeyObject } from "node:crypto";
import { verifySeatLease } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { DAY, HOUR, MINUTE, SECOND } from "../support/clock.js";
import { machine } from "../support/fingerprints.js";
import { errorOf, pick } from "../support/http.js";
import { checkOutSeat, heartbeatSeat, heldSeat, returnSeat, seatCatalogue } from "../support/seats.js";
import { useServers } from "../support/server.js";

const claimsOf = (token: string, keys: Map<string, KeyObject>) => {
  const verified = verifySeatLease(token, keys);
  if (!verified.ok) throw new Error(`seat lease: ${verified.error.code}`);
  return verified.value;
};

describe("floating seats", () => {
  const servers = useServers();

  it("a check-out answers 201 with the seat, its secret and a signed short lease", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 2, heartbeatTimeoutSeconds: 120 });
    const seat = await heldSeat(t, c.key, { fingerprint: machine("a") });
    expect(seat.id).toMatch(/^seat_/);
    expect(Date.parse(seat.expiresAt) - t.clock.now().getTime()).toBe(120 * SECOND);
    expect(pick(seat.answer.body, "heartbeatIntervalSeconds")).toBe(40);
    expect(pick(seat.answer.body, "explanation")).toMatchObject({ seats: 2, held: 0, overageAllowed: 0 });
    const claims = claimsOf(seat.lease, await t.publicKeys());
    expect(claims).toMatchObject({ sub: seat.id, lic: c.licenseId, aud: c.productId, chn: "floating" });
    expect(claims.exp * 1000).toBe(Date.parse(seat.expiresAt));
    expect(pick(seat.answer.body, "signature")).toBeDefined();
  });

  it("the same machine checking out again gets its own seat back, not a second one", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 1 });
    const first = await heldSeat(t, c.key, { fingerprint: machine("same") });
    const again = await heldSeat(t, c.key, { fingerprint: machine("same") });
    expect(again.id).toBe(first.id);
    expect(again.secret).not.toBe(first.secret);
    // The old secret no longer keeps the seat: only the latest check-out holds it.
    expect((await heartbeatSeat(t, first.id, first.secret)).status).toBe(404);
    expect((await heartbeatSeat(t, again.id, again.secret)).status).toBe(200);
  });

  it("a full pool answers 409 NO_SEAT_AVAILABLE with the seats held and when the next one frees", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 2, heartbeatTimeoutSeconds: 60 });
    const a = await heldSeat(t, c.key, { fingerprint: machine("a") });
    t.clock.advance(10 * SECOND);
    await heldSeat(t, c.key, { fingerprint: machine("b") });
    const refused = await checkOutSeat(t, c.key, { fingerprint: machine("c") });
    expect(refused.status).toBe(409);
    const error = errorOf(refused);
    expect(error.code).toBe("NO_SEAT_AVAILABLE");
    expect(error.details).toMatchObject({ held: 2, seats: 2, nextFreeAt: a.expiresAt });
    expect((error.details as { holders: unknown[] }).holders).toHaveLength(2);
    expect(error.message).toContain(a.expiresAt);
  });

  it("heartbeats keep a seat; a holder that stops heartbeating loses it after the timeout", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 1, heartbeatTimeoutSeconds: 60 });
    const kept = await heldSeat(t, c.key, { fingerprint: machine("kept") });
    for (let i = 0; i < 5; i++) {
      t.clock.advance(40 * SECOND);
      const beat = await heartbeatSeat(t, kept.id, kept.secret);
      expect(beat.status).toBe(200);
      expect(pick(beat.body, "seat.expiresAt")).toBe(
        new Date(t.clock.now().getTime() + 60 * SECOND).toISOString(),
      );
    }
    expect((await checkOutSeat(t, c.key, { fingerprint: machine("waiting") })).status).toBe(409);
    // The holder crashes: no heartbeat, no return. One second short of the timeout the seat is still its own…
    t.clock.advance(59 * SECOND);
    expect((await checkOutSeat(t, c.key, { fingerprint: machine("waiting") })).status).toBe(409);
    // …and at the timeout it is free, with no process having run in between.
    t.clock.advance(1 * SECOND);
    const taken = await heldSeat(t, c.key, { fingerprint: machine("waiting") });
    expect(taken.id).not.toBe(kept.id);
    const late = await heartbeatSeat(t, kept.id, kept.secret);
    expect(late.status).toBe(410);
    expect(errorOf(late).code).toBe("SEAT_EXPIRED");
  });

  it("a returned seat is free at once, and returning it again answers the first return", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 1 });
    const seat = await heldSeat(t, c.key, { fingerprint: machine("r") });
    const returned = await returnSeat(t, seat.id, seat.secret);
    expect(returned.status).toBe(200);
    t.clock.advance(5 * SECOND);
    const again = await returnSeat(t, seat.id, seat.secret);
    expect(again.body).toEqual(returned.body);
    expect((await heldSeat(t, c.key, { fingerprint: machine("next") })).id).not.toBe(seat.id);
    expect(errorOf(await heartbeatSeat(t, seat.id, seat.secret)).code).toBe("SEAT_EXPIRED");
  });
});

describe("overage", () => {
  const servers = useServers();

  it("10% for 24 hours: 2 extra seats of 20 while the window is open, logged on the timeline, lapsing with it", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, {
      seats: 20,
      heartbeatTimeoutSeconds: 2 * 86_400,
      overage: { percent: 10, hours: 24 },
    });
    for (let i = 0; i < 20; i++) await heldSeat(t, c.key, { fingerprint: machine(`pool-${i}`) });
    const over1 = await heldSeat(t, c.key, { fingerprint: machine("over-1") });
    expect(pick(over1.answer.body, "seat.overage")).toBe(true);
    expect(pick(over1.answer.body, "seat.endsBy")).toBe(
      new Date(t.clock.now().getTime() + DAY).toISOString(),
    );
    t.clock.advance(HOUR);
    await heldSeat(t, c.key, { fingerprint: machine("over-2") });
    const refused = await checkOutSeat(t, c.key, { fingerprint: machine("over-3") });
    expect(errorOf(refused).code).toBe("NO_SEAT_AVAILABLE");
    expect(errorOf(refused).details).toMatchObject({ held: 22, seats: 20, overageAllowed: 2 });

    const overage = (await t.timeline(c.licenseId)).filter((e) => e.type === "seat.overage");
    expect(overage).toHaveLength(2);
    expect(overage[0]?.data).toMatchObject({
      seatId: over1.id,
      held: 20,
      seats: 20,
      overageAllowed: 2,
      opened: true,
    });
    expect(overage[1]?.data).toMatchObject({
      opened: false,
      windowStartedAt: overage[0]?.data.windowStartedAt,
    });

    // Heartbeats never carry an overage seat past its window's end.
    t.clock.advance(23 * HOUR - MINUTE);
    const beat = await heartbeatSeat(t, over1.id, over1.secret);
    expect(pick(beat.body, "seat.expiresAt")).toBe(pick(over1.answer.body, "seat.endsBy"));
    t.clock.advance(MINUTE);
    expect(errorOf(await heartbeatSeat(t, over1.id, over1.secret)).code).toBe("SEAT_EXPIRED");
  });

  it("after a window closes the same span must pass before the next one opens", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, {
      seats: 1,
      heartbeatTimeoutSeconds: 7 * 86_400,
      overage: { percent: 10, hours: 1 },
    });
    await heldSeat(t, c.key, { fingerprint: machine("base") });
    await heldSeat(t, c.key, { fingerprint: machine("extra-1") }); // at least one extra seat when percent > 0
    t.clock.advance(HOUR + MINUTE);
    expect(errorOf(await checkOutSeat(t, c.key, { fingerprint: machine("extra-2") })).code).toBe(
      "NO_SEAT_AVAILABLE",
    );
    t.clock.advance(HOUR);
    expect((await checkOutSeat(t, c.key, { fingerprint: machine("extra-3") })).status).toBe(201);
  });
});

describe("borrowing", () => {
  const servers = useServers();

  it("a seat borrowed for 3 days needs no heartbeat, and returned early is free at once", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 1, borrowMaxDays: 14 });
    const trip = await heldSeat(t, c.key, { fingerprint: machine("laptop") }, { borrowDays: 3 });
    expect(pick(trip.answer.body, "seat.kind")).toBe("borrowed");
    expect(trip.expiresAt).toBe(new Date(t.clock.now().getTime() + 3 * DAY).toISOString());
    expect(claimKind(trip.lease)).toBe("borrowed");
    t.clock.advance(2 * DAY);
    expect((await checkOutSeat(t, c.key, { fingerprint: machine("desk") })).status).toBe(409);
    expect((await returnSeat(t, trip.id, trip.secret)).status).toBe(200);
    expect((await checkOutSeat(t, c.key, { fingerprint: machine("desk") })).status).toBe(201);
    const types = (await t.timeline(c.licenseId)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["seat.borrowed", "seat.returned"]));
  });

  it("a borrowed seat not returned expires by itself at the end of its days", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 1, borrowMaxDays: 7 });
    const trip = await heldSeat(t, c.key, { fingerprint: machine("laptop") }, { borrowDays: 7 });
    t.clock.advance(7 * DAY - SECOND);
    expect((await checkOutSeat(t, c.key, { fingerprint: machine("desk") })).status).toBe(409);
    t.clock.advance(SECOND);
    expect((await checkOutSeat(t, c.key, { fingerprint: machine("desk") })).status).toBe(201);
    expect(errorOf(await heartbeatSeat(t, trip.id, trip.secret)).code).toBe("SEAT_EXPIRED");
  });
});

describe("workloads", () => {
  const servers = useServers();

  it("a seat that ended more than a year ago is pruned when the license's next seat is checked out", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 2, heartbeatTimeoutSeconds: 120 });
    const old = await heldSeat(t, c.key, { fingerprint: machine("old") });
    t.clock.advance(300 * DAY);
    const recent = await heldSeat(t, c.key, { fingerprint: machine("recent") });
    t.clock.advance(70 * DAY);
    await heldSeat(t, c.key, { fingerprint: machine("new") });
    expect(await t.store.seats.findById(old.id)).toBeUndefined();
    expect(await t.store.seats.findById(recent.id)).toBeDefined();
  });

  it("instances check out by workload identity with a short lease; the vendor sees peak concurrent instances per day", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ channel: "workload", seats: 5, heartbeatTimeoutSeconds: 10 });
    t.clock.set("2026-03-01T10:00:00.000Z");
    const pods = [];
    for (let i = 0; i < 3; i++)
      pods.push(await heldSeat(t, c.key, { workload: { id: `api-${i}`, kind: "pod" } }));
    expect(pods[0]?.expiresAt).toBe("2026-03-01T10:00:10.000Z");
    expect(claimKind(pods[0]?.lease ?? "")).toBe("workload");
    // The same pod asking again keeps its one seat.
    expect((await heldSeat(t, c.key, { workload: { id: "api-0" } })).id).toBe(pods[0]?.id);
    // All die; the next day two come up.
    t.clock.set("2026-03-02T10:00:00.000Z");
    await heldSeat(t, c.key, { workload: { id: "api-3" } });
    await heldSeat(t, c.key, { workload: { id: "api-4" } });
    const usage = await t.adminGet(`/v1/admin/licenses/${c.licenseId}/seats?days=3`);
    expect(usage.status).toBe(200);
    expect(pick(usage.body, "days")).toEqual([
      { day: "2026-02-28", peak: 0 },
      { day: "2026-03-01", peak: 3 },
      { day: "2026-03-02", peak: 2 },
    ]);
    expect((pick(usage.body, "held") as unknown[]).length).toBe(2);
  });
});

const claimKind = (token: string): unknown =>
  (JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as { knd?: unknown }).knd;
