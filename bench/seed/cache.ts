import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { loadMasterKey } from "../../packages/server/dist/security/masterKey.js";
import { type SeedParams, seedStore } from "./dataset.js";

/**
 * The layout of a seed; bump it whenever what a seed holds changes, so an older seed is never reused.
 * (1: one device with 7 components per license, its lease; volume keys. 2: components stored keyed. 3: each
 * device with a registered device key, its private half in the holders file. 4: a device secret instead,
 * sealed in the database, in clear in the holders file. 5: each device row with its lease's digest.)
 */
const SEED_FORMAT = 5;

/**
 * A seed is reused while its devices' leases are young: a validation re-issues a lease once a quarter of it
 * (7 days by default) has passed, which would turn every validation of an old seed into a write.
 */
const MAX_SEED_AGE_MS = 24 * 3_600_000;

/** A seeded data set on disk (and, when asked, in a PostgreSQL template database). */
export interface Seed {
  readonly dir: string;
  readonly params: SeedParams;
  readonly adminToken: string;
  /** key, lease, fingerprint JSON, device private key per line. */
  readonly holdersFile: string;
  /** One volume key per line. */
  readonly volumeFile: string;
  /** The master key file every server on this seed's data uses. */
  readonly masterKeyFile: string;
  /** The seeded SQLite database file. */
  readonly sqliteFile: string;
}

interface Meta {
  readonly format: number;
  readonly params: SeedParams;
  readonly createdAt: string;
  readonly adminToken: string;
}

/** The folder a seed of these parameters lives in (bench/.work/seed-<hash>). */
export function seedDir(workRoot: string, params: SeedParams, kind: string): string {
  const hash = createHash("sha256")
    // The folder is part of it: two worktrees on one PostgreSQL server never share a template.
    .update(JSON.stringify({ SEED_FORMAT, kind, workRoot, ...params }))
    .digest("hex")
    .slice(0, 12);
  return join(workRoot, `seed-${kind}-${hash}`);
}

function readMeta(dir: string, params: SeedParams, now: number): Meta | undefined {
  const path = join(dir, "meta.json");
  if (!existsSync(path)) return undefined;
  const meta = JSON.parse(readFileSync(path, "utf8")) as Meta;
  const same = meta.format === SEED_FORMAT && JSON.stringify(meta.params) === JSON.stringify(params);
  return same && now - Date.parse(meta.createdAt) < MAX_SEED_AGE_MS ? meta : undefined;
}

const seedOf = (dir: string, params: SeedParams, adminToken: string): Seed => ({
  dir,
  params,
  adminToken,
  holdersFile: join(dir, "holders.tsv"),
  volumeFile: join(dir, "volume.txt"),
  masterKeyFile: join(dir, "master.key"),
  sqliteFile: join(dir, "ninsho.db"),
});

/**
 * The SQLite seed of `params` under `workRoot`: reused when one of the same format and parameters is younger
 * than a day, else made afresh (directly through the store, see `seedStore`).
 */
export async function sqliteSeed(
  workRoot: string,
  params: SeedParams,
  log: (line: string) => void,
): Promise<Seed> {
  const dir = seedDir(workRoot, params, "sqlite");
  const meta = readMeta(dir, params, Date.now());
  if (meta) {
    log(`seed: reusing ${dir} (${params.licenses.toLocaleString("en")} licenses, made ${meta.createdAt})`);
    return seedOf(dir, params, meta.adminToken);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const seed = seedOf(dir, params, "");
  const started = performance.now();
  const masterKey = loadMasterKey(dir, undefined).key;
  const { adminToken } = await seedStore(
    seed.sqliteFile,
    masterKey,
    params,
    { holders: seed.holdersFile, volume: seed.volumeFile },
    log,
  );
  const made: Meta = { format: SEED_FORMAT, params, createdAt: new Date().toISOString(), adminToken };
  writeFileSync(join(dir, "meta.json"), `${JSON.stringify(made, null, 2)}\n`, { mode: 0o600 });
  log(`seed: made ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { ...seed, adminToken };
}

/** A server's data folder with a copy of the seed's database and master key (the seed itself stays as it is). */
export function copySeed(seed: Seed, dataDir: string, withDatabase: boolean): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Private, as the server keeps its data files (it would tighten and log them otherwise).
  const copy = (from: string, to: string) => {
    copyFileSync(from, to);
    chmodSync(to, 0o600);
  };
  copy(seed.masterKeyFile, join(dataDir, "master.key"));
  if (withDatabase) copy(seed.sqliteFile, join(dataDir, "ninsho.db"));
}

async function onAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The same data set in PostgreSQL, as a template database `ninsho_bench_seed_<hash>` beside the admin
 * connection's (kept between runs, like the SQLite seed; its own holders file, since its leases are its own).
 * Each set-up copies it with CREATE DATABASE … TEMPLATE, which takes seconds.
 */
export async function postgresSeed(
  workRoot: string,
  params: SeedParams,
  adminUrl: string,
  log: (line: string) => void,
): Promise<Seed & { readonly template: string }> {
  const dir = seedDir(workRoot, params, "postgres");
  const template = `ninsho_bench_seed_${dir.slice(-12)}`;
  const exists = await onAdmin(adminUrl, async (c) => {
    const { rowCount } = await c.query("select 1 from pg_database where datname = $1", [template]);
    return (rowCount ?? 0) > 0;
  });
  const meta = exists ? readMeta(dir, params, Date.now()) : undefined;
  if (meta) {
    log(`seed: reusing PostgreSQL template ${template}`);
    return { ...seedOf(dir, params, meta.adminToken), template };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  await onAdmin(adminUrl, async (c) => {
    await c.query(`drop database if exists ${template} with (force)`);
    await c.query(`create database ${template}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  const seed = seedOf(dir, params, "");
  const started = performance.now();
  const masterKey = loadMasterKey(dir, undefined).key;
  const { adminToken } = await seedStore(
    url.toString(),
    masterKey,
    params,
    { holders: seed.holdersFile, volume: seed.volumeFile },
    log,
  );
  const made: Meta = { format: SEED_FORMAT, params, createdAt: new Date().toISOString(), adminToken };
  writeFileSync(join(dir, "meta.json"), `${JSON.stringify(made, null, 2)}\n`, { mode: 0o600 });
  log(`seed: made PostgreSQL template ${template} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { ...seed, adminToken, template };
}
