/**
 * PostgreSQL for the server tests that run on both stores: a fresh database per test file, dropped afterwards
 * (see testing/postgres.ts for where it is found and when its variants are skipped).
 */
import pg from "pg";
import { createPostgresDatabase as freshDatabase, noticeSkipped } from "../../../../testing/postgres.js";

export { isCi, POSTGRES_ADMIN_URL, postgresProblem, skipPostgres } from "../../../../testing/postgres.js";

noticeSkipped(
  "server-pg-skip-notice",
  "the server's PostgreSQL variants (concurrency, offline stores, shared rate limits, multi-process) were",
);

/** A new empty database; `drop` removes it. */
export const createPostgresDatabase = () => freshDatabase("ninsho_srv");

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
