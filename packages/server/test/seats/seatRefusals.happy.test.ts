/**
 * Seat and relay decisions reach support: a full pool and a lapsed seat go on the license's timeline and on the
 * support desk's "why" list (GET /v1/admin/licenses/{id}/refusals) explained in English and Japanese; an
 * overage seat and an imported relay usage report are worded on the timeline with their figures.
 */
import { timelineMessage, verifyVolumeGrant } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { grantFor, relayKeyPair, reportFile } from "../relay/support.js";
import { machine } from "../support/fingerprints.js";
import { call } from "../support/http.js";
import { checkOutSeat, heartbeatSeat, heldSeat, seatCatalogue } from "../support/seats.js";
import { type TestServer, useServers } from "../support/server.js";

interface Explained {
  code: string;
  message: string;
  remedy: string;
  at: string;
}

const refusalsOf = async (t: TestServer, licenseId: string, locale: "en" | "ja" = "en") => {
  const res = await call<{ refusals: Explained[] }>(
    t.app,
    "GET",
    `/v1/admin/licenses/${licenseId}/refusals`,
    undefined,
    { token: t.admin, headers: { "accept-language": locale } },
  );
  expect(res.status).toBe(200);
  return res.body.refusals;
};

const timelineOf = async (t: TestServer, licenseId: string) => {
  const res = await t.adminGet(`/v1/admin/licenses/${licenseId}/timeline`);
  return (res.body as { events: { type: string; code: string; params: Record<string, string | number> }[] })
    .events;
};

describe("seat refusals on the timeline and the why page", () => {
  const servers = useServers();

  it("a full pool is kept once a minute and explained with the seats held and when the next frees", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 1, heartbeatTimeoutSeconds: 600 });
    const held = await heldSeat(t, c.key, { fingerprint: machine("a") });
    for (const name of ["b", "c", "d"])
      expect((await checkOutSeat(t, c.key, { fingerprint: machine(name) })).status).toBe(409);
    // A pool that stays full is one entry a minute, not one per machine that asks.
    expect((await t.timeline(c.licenseId)).filter((e) => e.type === "seat.refused")).toHaveLength(1);
    t.clock.advance(61_000);
    expect((await checkOutSeat(t, c.key, { fingerprint: machine("e") })).status).toBe(409);
    const refused = (await t.timeline(c.licenseId)).filter((e) => e.type === "seat.refused");
    expect(refused).toHaveLength(2);
    expect(refused[1]).toMatchObject({
      reason: "NO_SEAT_AVAILABLE",
      data: { name: "CAD-1", details: { held: 1, seats: 1, nextFreeAt: held.expiresAt } },
    });
    // The other holders a refusal lists to its asker stay out of the timeline.
    expect(JSON.stringify(refused)).not.toContain("holders");

    const [newest] = await refusalsOf(t, c.licenseId);
    expect(newest).toMatchObject({ code: "NO_SEAT_AVAILABLE" });
    expect(newest?.message).toBe(
      `All 1 seats of this license are in use (1 held); the next one frees at ${held.expiresAt} at the latest.`,
    );
    expect(newest?.remedy).toContain("more seats");
    const [ja] = await refusalsOf(t, c.licenseId, "ja");
    expect(ja?.message).toContain("1 席はすべて使用中です（1 席）");
    const line = (await timelineOf(t, c.licenseId)).find((e) => e.type === "seat.refused");
    expect(line && timelineMessage(line, "en")).toBe("Seat refused to CAD-1: NO_SEAT_AVAILABLE");
    expect(line && timelineMessage(line, "ja")).toBe(
      "CAD-1 への席の割り当てが拒否されました: NO_SEAT_AVAILABLE",
    );
  });

  it("a heartbeat of a lapsed seat is kept as SEAT_EXPIRED and explained", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 1, heartbeatTimeoutSeconds: 60 });
    const seat = await heldSeat(t, c.key, { fingerprint: machine("sleeper") });
    t.clock.advance(61_000);
    const late = await heartbeatSeat(t, seat.id, seat.secret);
    expect(late.status).toBe(410);
    const [expired] = await refusalsOf(t, c.licenseId);
    expect(expired).toMatchObject({ code: "SEAT_EXPIRED" });
    expect(expired?.message).toBe(`Seat ${seat.id} lapsed at ${seat.expiresAt} (no heartbeat came in time).`);
    const [ja] = await refusalsOf(t, c.licenseId, "ja");
    expect(ja?.message).toContain("時間内にハートビートがありませんでした");
  });

  it("an overage seat is worded on the timeline with the pool and how many were held", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 2, overage: { percent: 50, hours: 24 } });
    for (const name of ["a", "b", "c"]) await heldSeat(t, c.key, { fingerprint: machine(name) });
    const over = (await timelineOf(t, c.licenseId)).find((e) => e.type === "seat.overage");
    if (!over) throw new Error("no overage entry");
    expect(timelineMessage(over, "en")).toBe(
      "Seat taken over the pool of 2 (2 already held; up to 1 more while the overage window is open)",
    );
    expect(timelineMessage(over, "ja")).toContain("2 席の上限を超えて席が使われました（使用中 2 席");
  });
});

describe("relay usage on the timeline", () => {
  const servers = useServers();

  it("an imported usage report is worded with its true-up figures in English and Japanese", async () => {
    const t = await servers.start();
    const relay = relayKeyPair();
    const { c, grant } = await grantFor(t, relay.publicKey);
    const claims = verifyVolumeGrant(grant, await t.publicKeys());
    if (!claims.ok) throw new Error(claims.error.code);
    const imported = await t.adminPost("/v1/admin/usage-reports", {
      reportFile: reportFile(relay.signing, grant, claims.value),
    });
    expect(imported.status).toBe(201);
    const events = await timelineOf(t, c.licenseId);
    const issued = events.find((e) => e.type === "relay.grant_issued");
    expect(issued && timelineMessage(issued, "en")).toMatch(
      /^Volume grant \S+ issued for a relay: up to 50 devices until \d{4}-/,
    );
    const report = events.find((e) => e.type === "relay.usage_reported");
    if (!report) throw new Error("no usage report entry");
    expect(timelineMessage(report, "en")).toContain(
      "48 of 50 devices admitted, 6 refused because the grant was full, peak 47 at once, 200 renewals",
    );
    expect(timelineMessage(report, "ja")).toContain(
      "50 台中 48 台を受け入れ、許諾の上限で 6 台を拒否、同時最大 47 台、更新 200 回",
    );
  });
});
