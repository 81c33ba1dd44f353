import type { Compilable, CompiledQuery } from "kysely";
import type { Dialect, Direct, Executor } from "./executor.js";

/** Compiled SELECTs by dialect and name: built once, run with each call's parameters. */
const templates = new Map<string, CompiledQuery>();

/**
 * The rows of a hot read (what every validation or activation runs). Building and compiling a query costs Kysely
 * more than SQLite spends answering a one-row lookup, and the SQL text of a hot read never changes, so it is
 * compiled once per dialect (`build` gets placeholder parameters, replaced by `parameters` in the same order) and
 * then run directly on SQLite's read connection outside transactions, or through Kysely with the compiled
 * text (inside a transaction, on PostgreSQL, on a single-connection SQLite).
 *
 * @example
 * const [row] = await compiledRows(db, dialect, direct, "licenses.byKeyDigest", (db) => db.selectFrom("licenses").selectAll().where("key_digest", "=", ""), [digest]);
 */
export async function compiledRows<R>(
  db: Executor,
  dialect: Dialect,
  direct: Direct | undefined,
  name: string,
  build: (db: Executor) => Compilable<R>,
  parameters: readonly unknown[],
): Promise<R[]> {
  const key = `${dialect}|${name}`;
  let template = templates.get(key);
  if (!template) {
    template = build(db).compile();
    if (template.parameters.length !== parameters.length)
      throw new Error(`unexpected parameters for ${name}`);
    templates.set(key, template);
  }
  if (direct) return direct.rows<R>(template, parameters);
  return (await db.executeQuery<R>({ ...template, parameters })).rows;
}
