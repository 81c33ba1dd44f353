import { existsSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";

/** How big a store is now, in bytes. */
export type SizeProbe = () => Promise<number>;

const fileSize = (path: string): number => (existsSync(path) ? statSync(path).size : 0);

/**
 * The SQLite file and its WAL after a checkpoint, from a second connection: the checkpoint moves every
 * committed page into the main file and truncates the WAL. It never waits (no busy timeout): a TRUNCATE
 * checkpoint that waited would hold off the server's writes, which then fail after their own busy timeout
 * (the server may still be answering requests a load run left behind); it is tried again until complete.
 */
export function sqliteSize(file: string): SizeProbe {
  return async () => {
    const db = new Database(file, { fileMustExist: true, timeout: 0 });
    try {
      for (let attempt = 0; attempt < 100; attempt++) {
        try {
          const [result] = db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
          if (result?.busy === 0) break;
        } catch {
          // SQLITE_BUSY: the server is writing; try again.
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      db.close();
    }
    return fileSize(file) + fileSize(`${file}-wal`);
  };
}

/** PostgreSQL: the sum of pg_total_relation_size (tables, indexes, TOAST) over the database's own tables. */
export function postgresSize(url: string): SizeProbe {
  return async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ bytes: string | null }>(
        `select sum(pg_total_relation_size(c.oid))::text as bytes
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where c.relkind in ('r', 'p', 'm') and n.nspname not in ('pg_catalog', 'information_schema')`,
      );
      return Number(rows[0]?.bytes ?? 0);
    } finally {
      await client.end();
    }
  };
}

/** MB (10^6 bytes) per million rows, from a growth of `bytes` over `rows`: bytes per row, to 0.1. */
export const mbPerMillion = (bytes: number, rows: number): number =>
  rows <= 0 ? 0 : Math.round((bytes / rows) * 10) / 10;

/** Licenses in a SQLite database, read from a second (read-only) connection while the server idles. */
export function countLicenses(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    const row = db.prepare("select count(*) as n from licenses").get() as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}
