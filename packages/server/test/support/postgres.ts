/**
 * PostgreSQL for the tests that run on both stores: a fresh database per test file, dropped afterwards. Found at
 * `NINSHO_TEST_POSTGRES_URL` (default `postgres://postgres@127.0.0.1:5432/test`, trust auth). When it cannot be
 * reached the PostgreSQL variants are skipped with a printed note — unless `CI` is set, when they run and fail.
 */
import { randomBytes } from "node:crypto";
import { closeSync, openSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export const POSTGRES_ADMIN_URL =
  process.env.NINSHO_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const ci = process.env.CI;
export const isCi = ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";

const adminClient = () =>
  new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });

async function probe(): Promise<string | undefined> {
  const client = adminClient();
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why PostgreSQL cannot be used here, or `undefined` when it answers. */
export const postgresProblem = await probe();

/** True when the PostgreSQL variants should be skipped (never on CI). */
export const skipPostgres = postgresProblem !== undefined && !isCi;

/** Say it once per test run, whichever test file (worker process of one vitest) gets here first. */
function onceThisRun(name: string): boolean {
  const marker = join(tmpdir(), `ninsho-${name}-${process.ppid}`);
  try {
    if (Date.now() - statSync(marker).mtimeMs < 10 * 60_000) return false;
    rmSync(marker, { force: true }); // left by an earlier run with this pid
  } catch {
    // no marker yet
  }
  try {
    closeSync(openSync(marker, "wx"));
    return true;
  } catch {
    return false;
  }
}

if (skipPostgres && onceThisRun("server-pg-skip-notice")) {
  const where = new URL(POSTGRES_ADMIN_URL);
  process.stderr.write(
    `\nPostgreSQL not reachable at ${where.hostname}:${where.port || "5432"} (${postgresProblem}): the server's PostgreSQL variants (concurrency, offline stores, shared rate limits, multi-process) were skipped\n\n`,
  );
}

/** A new empty database; `drop` removes it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (postgresProblem !== undefined) throw new Error(`PostgreSQL is not reachable: ${postgresProblem}`);
  const name = `ninsho_srv_${randomBytes(6).toString("hex")}`;
  const admin = adminClient();
  await admin.connect();
  try {
    await admin.query(`create database ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = adminClient();
      await client.connect();
      try {
        await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Rows of a query on a PostgreSQL database. */
export async function postgresRows(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(text, params)).rows;
  } finally {
    await client.end();
  }
}
