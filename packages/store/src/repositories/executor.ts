import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** A database handle or an open transaction: repositories run their queries on whichever they are given. */
export type Executor = Kysely<Database>;

/** Which database the store talks to; only row locking differs between them. */
export type Dialect = "sqlite" | "postgres";
