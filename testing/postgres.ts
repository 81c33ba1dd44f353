/**
 * PostgreSQL for the test suites that run on it (store, server): where it is, whether it answers, one notice
 * per run when it does not, and fresh databases. Found at `NINSHO_TEST_POSTGRES_URL` (default
 * `postgres://postgres@127.0.0.1:5432/test`, trust auth); that database only creates and drops the others.
 * With `CI` set, the PostgreSQL halves run (and fail) instead of being skipped.
 */
import { randomBytes } from "node:crypto";
import { closeSync, openSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export const POSTGRES_ADMIN_URL =
  process.env.NINSHO_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const ci = process.env.CI;
/** CI demands the PostgreSQL halves: they fail rather than skip when the server is missing. */
export const isCi = ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";

/** Where PostgreSQL was looked for, without credentials, for messages. */
export const postgresWhere = (() => {
  const url = new URL(POSTGRES_ADMIN_URL);
  return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
})();

export const adminClient = (): pg.Client =>
  new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3_000 });

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

/** Why PostgreSQL cannot be used here, or `undefined` when it answers. Asked once per test file. */
export const postgresProblem = await probe();

/** True when the PostgreSQL halves should be skipped (never on CI). */
export const skipPostgres = postgresProblem !== undefined && !isCi;

/** True for the first caller of this run with this `name` (test files run in worker processes of one vitest). */
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

/** When the PostgreSQL halves are skipped, say plainly which, once per run per `name`. */
export function noticeSkipped(name: string, what: string): void {
  if (!skipPostgres || !onceThisRun(name)) return;
  process.stderr.write(
    `\nPostgreSQL not reachable at ${postgresWhere} (${postgresProblem}): ${what} skipped\n\n`,
  );
}

/** A new empty database named `<prefix>_<random>`; `drop` removes it. */
export async function createPostgresDatabase(
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (postgresProblem !== undefined) {
    throw new Error(`PostgreSQL not reachable at ${postgresWhere} (${postgresProblem})`);
  }
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
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
        // A plain drop waits for sessions just closed to finish exiting; force only if that fails.
        await client
          .query(`drop database if exists ${client.escapeIdentifier(name)}`)
          .catch(() => client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`));
      } finally {
        await client.end();
      }
    },
  };
}
