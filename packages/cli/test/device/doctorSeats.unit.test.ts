import { describe, expect, it } from "vitest";
import { checkRelay, checkSeat } from "../../src/device/doctor/checks/seatRelay.js";

const now = Date.parse("2026-12-02T08:00:00Z");
// The details of a 409 NO_SEAT_AVAILABLE as the server sends them (docs/seats.md), holders and flags included.
const full = {
  code: "NO_SEAT_AVAILABLE",
  details: {
    held: 20,
    seats: 20,
    overageAllowed: false,
    nextFreeAt: "2026-12-02T08:04:00.000Z",
    holders: [],
  },
} as const;

describe("device doctor: seat decisions", () => {
  it("explains a full pool with the seats held and when the next frees, in English and Japanese", () => {
    const en = checkSeat({ problem: full }, "en", now);
    expect(en).toMatchObject({ check: "seat", outcome: "fail", code: "NO_SEAT_AVAILABLE" });
    expect(en.message).toContain("All 20 seats of this license are in use (20 held)");
    expect(en.message).toContain("2026-12-02");
    expect(en.remedy).toContain("more seats");
    const ja = checkSeat({ problem: full }, "ja", now);
    expect(ja.message).toContain("20 席はすべて使用中です（20 席）");
  });

  it("explains a lapsed seat, failing heartbeats with the runway left, and a borrowed seat", () => {
    const lapsed = checkSeat(
      {
        problem: { code: "SEAT_EXPIRED", params: { seatId: "seat_1", expiredAt: "08:00", cause: "timeout" } },
      },
      "en",
      now,
    );
    expect(lapsed.message).toBe("Seat seat_1 lapsed at 08:00 (no heartbeat came in time).");
    const held = { id: "seat_2", kind: "floating", expiresAt: "2026-12-02T08:05:00Z" } as const;
    const failing = checkSeat({ held, runwayMs: 3 * 60_000 }, "en", now);
    expect(failing.outcome).toBe("warn");
    expect(failing.message).toMatch(/^Heartbeats are failing: the app may keep running on its seat for 3/);
    const borrowed = checkSeat(
      { held: { ...held, kind: "borrowed", expiresAt: "2026-12-16T08:00:00Z" } },
      "ja",
      now,
    );
    expect(borrowed.outcome).toBe("ok");
    expect(borrowed.message).toContain("オフラインで借りています");
    expect(checkSeat({ held }, "en", now).message).toContain("Seat seat_2 is held until");
  });
});

describe("device doctor: relay decisions", () => {
  const relay = { foundBy: "srv", url: "http://10.0.0.5:8787", chainValid: true } as const;

  it("says how the relay was found and the lease's renew-by and offline end", () => {
    const ok = checkRelay(
      { ...relay, grantId: "vg_1", renewBy: "2026-12-09T08:00:00Z", runsUntil: "2027-01-01T08:00:00Z" },
      "en",
    );
    expect(ok.outcome).toBe("ok");
    expect(ok.message).toContain("under grant vg_1");
    expect(ok.message).toContain("runs offline until 2027-01-01");
    expect(ok.lines).toEqual(["Relay http://10.0.0.5:8787 found by the DNS SRV record _ninsho._tcp."]);
    const ja = checkRelay({ ...relay, foundBy: "config" }, "ja");
    expect(ja.lines).toEqual(["リレー http://10.0.0.5:8787 を設定で見つけました。"]);
  });

  it("fails a chain that does not reach the vendor's key, and words the relay's refusals", () => {
    expect(checkRelay({ ...relay, chainValid: false }, "en").code).toBe("RESPONSE_SIGNATURE_INVALID");
    const fullGrant = checkRelay(
      { ...relay, problem: { code: "RELAY_GRANT_FULL", details: { maxDevices: 50, grantId: "vg_1" } } },
      "ja",
    );
    expect(fullGrant).toMatchObject({ outcome: "fail", code: "RELAY_GRANT_FULL" });
    expect(fullGrant.message).toContain("ボリューム許諾 vg_1 の 50 台はすべて受け入れ済みです");
  });
});
