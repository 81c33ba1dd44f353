/**
 * Three real server processes (`ninsho serve`) started at once on one fresh PostgreSQL database: they race to
 * migrate and to seed, then share the device limit, leases and licenses through the database alone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { machine } from "../support/fingerprints.js";
import { createPostgresDatabase, postgresRows, skipPostgres } from "../support/postgres.js";
import { Admin, activate, codeOf, send } from "./support/client.js";
import { assertBuilt, Processes, type ServerProcess, sharedMasterKey } from "./support/processes.js";

const ACTIVATIONS = 600;
const LIMIT = 5;

/** The claims of a compact JWS, unverified (the server tests verify signatures elsewhere). */
const claimsOf = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;

describe.skipIf(skipPostgres)("three server processes on one PostgreSQL", () => {
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
    const seeders = servers.filter((s) => s.adminToken !== undefined);
    expect(seeders).toHaveLength(1);
    admin = new Admin(servers[0]?.url ?? "", seeders[0]?.adminToken ?? "");
  });

  afterAll(async () => {
    await processes.stopAll();
    await db?.drop();
  });

  const rows = (sql: string, params: unknown[] = []) => postgresRows(db?.url ?? "", sql, params);

  it("started together, they migrated once and seeded once", async () => {
    const migrations = await rows("select name from kysely_migration order by name");
    expect(new Set(migrations.map((r) => r.name)).size).toBe(migrations.length);
    expect(await rows("select id from admin_tokens")).toHaveLength(1);
    expect(await rows("select id from products where name = 'Ninsho Demo'")).toHaveLength(1);
  });

  it(`${ACTIVATIONS} concurrent activations of one ${LIMIT}-device key spread over them: exactly ${LIMIT} devices, the rest DEVICE_LIMIT_REACHED`, async () => {
    const { licenses } = await admin.keys({ maxDevices: LIMIT });
    const license = licenses[0];
    if (!license) throw new Error("no license");
    const answers = await Promise.all(
      Array.from({ length: ACTIVATIONS }, (_, i) =>
        activate(servers[i % servers.length]?.url ?? "", license.key, machine(`limit-${i}`)),
      ),
    );
    const created = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status === 409 && codeOf(a) === "DEVICE_LIMIT_REACHED");
    expect(created).toHaveLength(LIMIT);
    expect(refused).toHaveLength(ACTIVATIONS - LIMIT);
    const acknowledged = created.map((a) => (a.body.device as { id: string }).id).sort();
    const stored = await rows("select id from devices where license_id = $1 and deactivated_at is null", [
      license.id,
    ]);
    expect(stored.map((r) => String(r.id)).sort()).toEqual(acknowledged);
  });

  it("a license extended through one process is leased with its new expiry by another", async () => {
    const { licenses } = await admin.keys({ maxDevices: 2 });
    const license = licenses[0];
    const [a, b] = servers;
    if (!license || !a || !b) throw new Error("set-up");
    const fingerprint = machine("extended");
    const first = await activate(a.url, license.key, fingerprint);
    expect(first.status).toBe(201);
    const lease = String(first.body.lease);
    expect(claimsOf(lease).lex).toBeUndefined();
    // B leases the device once before the change, so a stale copy would be in its cache.
    const before = await send(b.url, "/v1/validate", { lease, fingerprint, nonce: "n-before-0000000" });
    expect(before.status).toBe(200);
    const until = "2030-01-01T00:00:00.000Z";
    const extended = await admin.call("POST", `/v1/admin/licenses/${license.id}/extend`, {
      expiresAt: until,
      reason: "renewal",
    });
    expect(extended.status).toBe(200);
    const after = await send(b.url, "/v1/validate", { lease, fingerprint, nonce: "n-after-00000000" });
    expect(after.status).toBe(200);
    expect(claimsOf(String(after.body.lease)).lex).toBe(Date.parse(until) / 1000);
  });
});
