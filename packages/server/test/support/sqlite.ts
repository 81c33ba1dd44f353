import Database from "better-sqlite3";

/** Rows of a query on a SQLite file, read beside the server as someone holding the file would. */
export function sqliteRows(path: string, sql: string, ...params: unknown[]): Record<string, unknown>[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}
