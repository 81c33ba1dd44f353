/**
 * Who may keep or return a seat. Attacker: another holder of the same key (or anyone who learned a seat id),
 * who tries to renew someone's seat to keep it from being reclaimed, or to return it to take its place; and
 * someone with the database, who must find no seat secret in it.
 */
import { describe, expect, it } from "vitest";
import { machine } from "../support/fingerprints.js";
import { errorOf } from "../support/http.js";
import { checkOutSeat, heartbeatSeat, heldSeat, returnSeat, seatCatalogue } from "../support/seats.js";
import { useServers } from "../support/server.js";
import { sqliteRows } from "../support/sqlite.js";

describe("seat security", () => {
  const servers = useServers();

  it("a stranger cannot heartbeat or return another's seat: no secret, a wrong one, or its own seat's", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 2 });
    const victim = await heldSeat(t, c.key, { fingerprint: machine("victim") });
    const stranger = await heldSeat(t, c.key, { fingerprint: machine("stranger") });
    const unknown = await heartbeatSeat(t, "seat_01JXXXXXXXXXXXXXXXXXXXXXXX", stranger.secret);
    for (const secret of [undefined, "A".repeat(43), stranger.secret, victim.lease.slice(0, 100)]) {
      const beat = await heartbeatSeat(t, victim.id, secret);
      expect(beat.status).toBe(404);
      // The same answer as for a seat that does not exist: the stranger learns nothing.
      expect(errorOf(beat).code).toBe(errorOf(unknown).code);
      const back = await returnSeat(t, victim.id, secret);
      expect(back.status).toBe(404);
      expect(errorOf(back).code).toBe("SEAT_NOT_FOUND");
    }
    // The victim's seat is still its own, and the pool still full.
    expect((await heartbeatSeat(t, victim.id, victim.secret)).status).toBe(200);
    expect(errorOf(await checkOutSeat(t, c.key, { fingerprint: machine("third") })).code).toBe(
      "NO_SEAT_AVAILABLE",
    );
  });

  it("the seat's lease is no credential: it cannot renew or return the seat", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 1 });
    const seat = await heldSeat(t, c.key, { fingerprint: machine("a") });
    const res = await t.app.request(`/v1/seats/${seat.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${seat.lease}` },
    });
    expect(res.status).toBe(404);
  });

  it("the database keeps only a digest of each seat's secret, and the machine's digests only in keyed form", async () => {
    const t = await servers.start({ storage: "file" });
    const c = await seatCatalogue(t, { seats: 1 });
    const fingerprint = machine("kept");
    const seat = await heldSeat(t, c.key, { fingerprint });
    const rows = await sqliteRows(t.dbPath ?? "", "select * from seats where id = ?", seat.id);
    const text = JSON.stringify(rows);
    expect(rows).toHaveLength(1);
    expect(text).not.toContain(seat.secret);
    for (const component of fingerprint.components) expect(text).not.toContain(component.digest);
  });
});
