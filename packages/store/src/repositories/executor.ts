import type { CompiledQuery, Kysely } from "kysely";
import type { Database } from "../schema.js";

/** A database handle or an open transaction: repositories run their queries on whichever they are given. */
export type Executor = Kysely<Database>;

/** Which database the store talks to; only row locking differs between them. */
export type Dialect = "sqlite" | "postgres";

/**
 * SQLite's ways around Kysely's executor for the hot paths, given to the store's own repositories (never to a
 * transaction's): see `compiledRows` and `dialects/sqliteSideWriter.ts`.
 */
export interface Direct {
  /**
   * Run a compiled SELECT on the read-only connection, at once: what Kysely's routing of a read outside a
   * transaction does (the last committed state), without its executor.
   */
  rows<R>(query: CompiledQuery, parameters: readonly unknown[]): R[] | Promise<R[]>;
  /** Run compiled writes in one transaction of a worker thread's connection, committed before it resolves. */
  writeAside(statements: readonly CompiledQuery[]): Promise<void>;
}
