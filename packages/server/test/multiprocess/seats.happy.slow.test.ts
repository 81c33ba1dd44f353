/**
 * Three real server processes (`ninsho serve`) on one PostgreSQL database share one 20-seat pool: 40 machines
 * check out at once through all three, round after round as holders return seats, and the pool is never
 * exceeded (the license row is locked FOR UPDATE by whichever process decides).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machine } from "../support/fingerprints.js";
import { createPostgresDatabase, postgresRows, skipPostgres } from "../support/postgres.js";
import { Admin, codeOf, send } from "./support/client.js";
import { assertBuilt, Processes, type ServerProcess, sharedMasterKey } from "./support/processes.js";

const SEATS = 20;
const MACHINES = 40;

describe.skipIf(skipPostgres)("three server processes share one seat pool on PostgreSQL", () => {
  const processes = new Processes();
  let db: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
  let servers: ServerProcess[] = [];
  let admin: Admin;

  beforeAll(async () => {
    assertBuilt();
    db = await createPostgresDatabase();
    const env = { NINSHO_MASTER_KEY: sharedMasterKey() };
    const url = db.url;
    servers = await Promise.all([0, 1, 2].map(() => processes.serve({ databaseUrl: url, env })));
    const seeder = servers.find((s) => s.adminToken !== undefined);
    admin = new Admin(servers[0]?.url ?? "", seeder?.adminToken ?? "");
  });

  afterAll(async () => {
    await processes.stopAll();
    await db?.drop();
  });

  const created = async (path: string, body: unknown) => {
    const res = await admin.call("POST", path, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  it(`${MACHINES} machines over 3 processes contend for ${SEATS} seats: never more than ${SEATS} held`, async () => {
    const product = await created("/v1/admin/products", { name: "seats mp" });
    const policy = await created("/v1/admin/policies", {
      productId: product.id,
      name: "floating",
      channel: "floating",
      seats: SEATS,
      heartbeatTimeoutSeconds: 3600,
    });
    const issued = await created("/v1/admin/licenses", { policyId: policy.id });
    const license = (issued.licenses as { id: string; key: string }[])[0];
    if (!license) throw new Error("no license");
    const held = new Map<number, { id: string; secret: string }>();
    const heldInDatabase = async () =>
      (
        await postgresRows(
          db?.url ?? "",
          "select id from seats where license_id = $1 and returned_at is null and expires_at > $2",
          [license.id, new Date().toISOString()],
        )
      ).length;
    const checkOutAll = (round: number) =>
      Promise.all(
        Array.from({ length: MACHINES }, async (_, i) => {
          if (held.has(i)) return;
          const url = servers[(i + round) % servers.length]?.url ?? "";
          const res = await send(url, "/v1/seats", {
            key: license.key,
            fingerprint: machine(`mp-seat-${i}`),
            device: { name: `m${i}`, platform: "linux" },
          });
          if (res.status === 201) {
            const seat = res.body.seat as { id: string };
            held.set(i, { id: seat.id, secret: String(res.body.secret) });
          } else expect(codeOf(res)).toBe("NO_SEAT_AVAILABLE");
        }),
      );
    for (let round = 0; round < 4; round++) {
      await Promise.all(
        Array.from({ length: MACHINES }, async (_, i) => {
          const url = servers[(i + round) % servers.length]?.url ?? "";
          const mine = held.get(i);
          if (mine) {
            // A quarter of the holders return their seat each round; the waiting machines race for them.
            if ((i + round) % 4 !== 0) return;
            const back = await send(url, `/v1/seats/${mine.id}`, undefined, {
              method: "DELETE",
              headers: { authorization: `Bearer ${mine.secret}` },
            });
            expect(back.status).toBe(200);
            held.delete(i);
            return;
          }
          const res = await send(url, "/v1/seats", {
            key: license.key,
            fingerprint: machine(`mp-seat-${i}`),
            device: { name: `m${i}`, platform: "linux" },
          });
          if (res.status === 201) {
            const seat = res.body.seat as { id: string };
            held.set(i, { id: seat.id, secret: String(res.body.secret) });
          } else expect(codeOf(res)).toBe("NO_SEAT_AVAILABLE");
        }),
      );
      expect(held.size).toBeLessThanOrEqual(SEATS);
      expect(await heldInDatabase()).toBe(held.size);
      // The waiting machines race again for what the returns freed: the pool is full, and no fuller.
      await checkOutAll(round);
      expect(held.size).toBe(SEATS);
      expect(await heldInDatabase()).toBe(SEATS);
    }
  });
});
