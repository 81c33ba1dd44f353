import type { CompiledQuery, InsertObject } from "kysely";
import type { Database } from "../schema.js";
import type { Dialect, Executor } from "./executor.js";

/** Compiled INSERT statements by dialect, table, columns and row count: built once, reused with new values. */
const templates = new Map<string, CompiledQuery>();

/**
 * Insert many rows of one shape in chunks. Building and compiling a 500-row INSERT costs Kysely more than
 * SQLite spends running it, and bulk key issue runs thousands of them; every full chunk has the same SQL text,
 * so it is compiled once and then run with each chunk's values (and SQLite reuses the prepared statement).
 * Rows must all have the same keys in the same order (the repositories' `toRow` functions guarantee it).
 */
export async function insertRows<T extends keyof Database>(
  db: Executor,
  dialect: Dialect,
  table: T,
  rows: readonly Database[T][],
  chunk: number,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first) as (keyof Database[T] & string)[];
  for (let i = 0; i < rows.length; i += chunk) {
    const slice = rows.slice(i, i + chunk);
    const parameters = slice.flatMap((row) => columns.map((column) => row[column]));
    const key = `${dialect}|${table}|${columns.join(",")}|${slice.length}`;
    let template = templates.get(key);
    if (!template) {
      template = db
        .insertInto(table)
        .values(slice as readonly InsertObject<Database, T>[])
        .compile();
      if (template.parameters.length !== parameters.length)
        throw new Error(`unexpected INSERT shape for ${table}`);
      templates.set(key, template);
    }
    await db.executeQuery({ ...template, parameters });
  }
}
