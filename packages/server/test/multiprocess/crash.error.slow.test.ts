/**
 * One of three server processes killed (SIGKILL) in the middle of a stream of activations: the other two go
 * on answering, and every activation a client was told succeeded (201/200) is in the database afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machine } from "../support/fingerprints.js";
import { createPostgresDatabase, postgresRows, skipPostgres } from "../support/postgres.js";
import { Admin, activate } from "./support/client.js";
import { assertBuilt, Processes, type ServerProcess, sharedMasterKey } from "./support/processes.js";

const REQUESTS = 450;
const IN_FLIGHT = 30;
/** Acknowledged activations before the kill. */
const KILL_AFTER = 120;

interface Outcome {
  readonly server: number;
  readonly sentAfterKill: boolean;
  readonly status?: number;
  readonly deviceId?: string;
  readonly failure?: string;
}

describe.skipIf(skipPostgres)("a server process killed mid-load", () => {
  const processes = new Processes();
  let db: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    assertBuilt();
    db = await createPostgresDatabase();
    const env = { NINSHO_MASTER_KEY: sharedMasterKey() };
    const url = db.url;
    const first = await processes.serve({ databaseUrl: url, env });
    const others = await Promise.all(
      [1, 2].map(() => processes.serve({ databaseUrl: url, env, seed: false })),
    );
    servers = [first, ...others];
  });

  afterAll(async () => {
    await processes.stopAll();
    await db?.drop();
  });

  it("the others go on and no acknowledged activation is lost", async () => {
    const [first, victim] = servers;
    if (!first?.adminToken || !victim) throw new Error("set-up");
    const { licenses } = await new Admin(first.url, first.adminToken).keys({ maxDevices: 100_000 });
    const license = licenses[0];
    if (!license) throw new Error("no license");

    const outcomes: Outcome[] = [];
    let acknowledged = 0;
    let killed = false;
    let next = 0;
    const worker = async () => {
      while (next < REQUESTS) {
        const i = next++;
        const server = i % servers.length;
        const sentAfterKill = killed;
        try {
          const answer = await activate(servers[server]?.url ?? "", license.key, machine(`crash-${i}`));
          const ok = answer.status === 201 || answer.status === 200;
          const deviceId = ok ? (answer.body.device as { id: string }).id : undefined;
          outcomes.push({ server, sentAfterKill, status: answer.status, ...(deviceId ? { deviceId } : {}) });
          if (ok && ++acknowledged === KILL_AFTER) {
            killed = true;
            victim.child.kill("SIGKILL");
          }
        } catch (error) {
          outcomes.push({ server, sentAfterKill, failure: String(error) });
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));

    expect(killed).toBe(true);
    // The survivors answered everything, before and after the kill.
    const survivors = outcomes.filter((o) => o.server !== 1);
    expect(survivors.filter((o) => o.status !== 201)).toEqual([]);
    expect(survivors.filter((o) => o.sentAfterKill).length).toBeGreaterThan(100);
    // The victim's requests after the kill failed to connect: none was acknowledged.
    expect(outcomes.filter((o) => o.server === 1 && o.sentAfterKill && o.status === 201)).toEqual([]);

    const ids = outcomes.flatMap((o) => (o.deviceId === undefined ? [] : [o.deviceId]));
    expect(ids.length).toBeGreaterThanOrEqual(KILL_AFTER + 100);
    const stored = await postgresRows(
      db?.url ?? "",
      "select id from devices where license_id = $1 and deactivated_at is null",
      [license.id],
    );
    const storedIds = new Set(stored.map((r) => String(r.id)));
    expect(ids.filter((id) => !storedIds.has(id))).toEqual([]);
  });
});
