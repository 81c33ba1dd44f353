/**
 * A seat pool is never exceeded, under any concurrency: 40 machines contend for a 20-seat pool round after
 * round (checking out, heartbeating, returning, crashing), on a SQLite file and on PostgreSQL, and after every
 * round exactly 20 seats are held, counted straight from the database. (Several server processes on one
 * PostgreSQL: multiprocess/seats.happy.slow.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "../support/backends.js";
import { SECOND } from "../support/clock.js";
import { machine } from "../support/fingerprints.js";
import { errorOf, str } from "../support/http.js";
import { postgresRows } from "../support/postgres.js";
import { checkOutSeat, heartbeatSeat, returnSeat, seatCatalogue } from "../support/seats.js";
import type { TestServer } from "../support/server.js";
import { sqliteRows } from "../support/sqlite.js";

const SEATS = 20;
const MACHINES = 40;
const ROUNDS = 6;

describe.each(backends)("seat pool on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  async function heldInDatabase(t: TestServer, licenseId: string): Promise<number> {
    const now = t.clock.now().toISOString();
    const rows =
      name === "sqlite"
        ? sqliteRows(
            t.dbPath ?? "",
            "select id from seats where license_id = ? and returned_at is null and expires_at > ?",
            licenseId,
            now,
          )
        : await postgresRows(
            t.storeUrl,
            "select id from seats where license_id = $1 and returned_at is null and expires_at > $2",
            [licenseId, now],
          );
    return rows.length;
  }

  it.skipIf(skip)(
    `${MACHINES} machines contending for ${SEATS} seats: exactly ${SEATS} held after every round`,
    async () => {
      const t = await start();
      const c = await seatCatalogue(t, { seats: SEATS, heartbeatTimeoutSeconds: 30 });
      const held = new Map<number, { id: string; secret: string }>();
      for (let round = 0; round < ROUNDS; round++) {
        await Promise.all(
          Array.from({ length: MACHINES }, async (_, i) => {
            const mine = held.get(i);
            if (mine) {
              // Holders heartbeat, except that every round a few return their seat and a few crash silently.
              if ((i + round) % 7 === 0) {
                expect((await returnSeat(t, mine.id, mine.secret)).status).toBe(200);
                held.delete(i);
              } else if ((i + round) % 5 !== 0) {
                const beat = await heartbeatSeat(t, mine.id, mine.secret);
                if (beat.status === 200) return;
                expect(errorOf(beat).code).toBe("SEAT_EXPIRED");
                held.delete(i);
              }
              return;
            }
            const res = await checkOutSeat(t, c.key, { fingerprint: machine(`pool-${name}-${i}`) });
            if (res.status === 201)
              held.set(i, { id: str(res.body, "seat.id"), secret: str(res.body, "secret") });
            else expect(errorOf(res).code).toBe("NO_SEAT_AVAILABLE");
          }),
        );
        const inDatabase = await heldInDatabase(t, c.licenseId);
        expect(inDatabase).toBeLessThanOrEqual(SEATS);
        // Some returned and some crashed this round; the waiting machines filled what the returns freed.
        if (round === 0) expect(inDatabase).toBe(SEATS);
        // Crashed holders lapse after the timeout; the next round's waiting machines take their seats.
        t.clock.advance(20 * SECOND);
        const answered = await Promise.all(
          Array.from({ length: MACHINES }, async (_, i) => {
            if (held.has(i)) {
              const mine = held.get(i);
              if (!mine) return;
              const beat = await heartbeatSeat(t, mine.id, mine.secret);
              if (beat.status !== 200) held.delete(i);
              return;
            }
            const res = await checkOutSeat(t, c.key, { fingerprint: machine(`pool-${name}-${i}`) });
            if (res.status === 201)
              held.set(i, { id: str(res.body, "seat.id"), secret: str(res.body, "secret") });
          }),
        );
        expect(answered).toHaveLength(MACHINES);
        expect(await heldInDatabase(t, c.licenseId)).toBe(SEATS);
        t.clock.advance(15 * SECOND);
      }
    },
  );

  it.skipIf(skip)(
    `${MACHINES} machines at once on ${SEATS} seats with a 10% overage: exactly ${SEATS + 2} held`,
    async () => {
      const t = await start();
      const c = await seatCatalogue(t, {
        seats: SEATS,
        heartbeatTimeoutSeconds: 30,
        overage: { percent: 10, hours: 24 },
      });
      const answers = await Promise.all(
        Array.from({ length: MACHINES }, (_, i) =>
          checkOutSeat(t, c.key, { fingerprint: machine(`over-${name}-${i}`) }),
        ),
      );
      const taken = answers.filter((a) => a.status === 201);
      expect(taken).toHaveLength(SEATS + 2);
      expect(taken.filter((a) => (a.body.seat as { overage: boolean }).overage)).toHaveLength(2);
      for (const refused of answers.filter((a) => a.status !== 201))
        expect(errorOf(refused).code).toBe("NO_SEAT_AVAILABLE");
      expect(await heldInDatabase(t, c.licenseId)).toBe(SEATS + 2);
    },
  );
});
