import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type SqliteStatement,
} from "kysely";
import { readOrFallBack } from "./sqliteBusy.js";

/** What runs a statement: a better-sqlite3 database (or its statement cache). */
export interface Preparer {
  prepare(sql: string): SqliteStatement;
  close(): void;
}

function run<R>(db: Preparer, query: CompiledQuery): QueryResult<R> {
  const statement = db.prepare(query.sql);
  const parameters = query.parameters as unknown[];
  if (statement.reader) return { rows: statement.all(parameters) as R[] };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return {
    numAffectedRows: BigInt(changes),
    insertId: BigInt(lastInsertRowid),
    rows: [],
  };
}

/**
 * One holder at a time of the writing connection (Kysely's SQLite driver keeps the same lock); the side writer
 * (`sqliteSideWriter.ts`) holds it too while its worker writes.
 */
export class Mutex {
  private held: Promise<void> | undefined;
  private release: (() => void) | undefined;

  async lock(): Promise<void> {
    while (this.held) await this.held;
    this.held = new Promise((done) => (this.release = done));
  }

  unlock(): void {
    const release = this.release;
    this.held = undefined;
    this.release = undefined;
    release?.();
  }
}

/**
 * What Kysely gets for one query or one transaction. A SELECT outside a transaction runs on the read-only
 * connection at once; anything else (writes, raw SQL, every statement of a transaction) takes the writing
 * connection's lock first and holds it until Kysely releases this connection. A write outside a transaction,
 * and a COMMIT, return only once `durable` has the WAL on disk (see `openSqlite`).
 */
class RoutedConnection implements DatabaseConnection {
  private holdsWriter = false;
  private inTransaction = false;

  constructor(
    private readonly writer: Preparer,
    private readonly reader: Preparer,
    private readonly mutex: Mutex,
    private readonly durable: () => Promise<void>,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.inTransaction && !this.holdsWriter && SelectQueryNode.is(query.query))
      return readOrFallBack(
        () => run<R>(this.reader, query),
        () => this.onWriter<R>(query),
      );
    return this.onWriter<R>(query);
  }

  /** A statement on the writing connection, holding its lock until Kysely releases this connection. */
  private async onWriter<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    await this.takeWriter();
    const result = run<R>(this.writer, query);
    // Outside a transaction a statement that is not a read committed on its own (autocommit).
    if (!this.inTransaction && result.numAffectedRows !== undefined) await this.durable();
    return result;
  }

  /** COMMIT, answered once the transaction is on disk. */
  async commit(): Promise<void> {
    await this.executeQuery(CompiledQuery.raw("commit"));
    await this.durable();
  }

  // biome-ignore lint/correctness/useYield: the store never streams; a stream would need the writer's lock held across yields
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("streaming is not supported by the SQLite store");
  }

  async begin(): Promise<void> {
    await this.takeWriter();
    this.inTransaction = true;
  }

  private async takeWriter(): Promise<void> {
    if (this.holdsWriter) return;
    await this.mutex.lock();
    this.holdsWriter = true;
  }

  release(): void {
    this.inTransaction = false;
    if (!this.holdsWriter) return;
    this.holdsWriter = false;
    this.mutex.unlock();
  }
}

class ReadRoutingDriver implements Driver {
  constructor(
    private readonly writer: Preparer,
    private readonly reader: Preparer,
    private readonly mutex: Mutex,
    private readonly durable: () => Promise<void>,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this.writer, this.reader, this.mutex, this.durable);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutedConnection).begin();
    await connection.executeQuery(CompiledQuery.raw("begin"));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutedConnection).commit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as RoutedConnection).release();
  }

  async destroy(): Promise<void> {
    this.reader.close();
    this.writer.close();
  }
}

/**
 * SQLite with a second, read-only connection for reads outside transactions. WAL lets readers run beside the
 * writer, but one connection serialises everything: with a single connection, a lookup waits for every
 * statement of an open group commit (see `groupCommit.ts`) and for its fsync. A read on the reader sees the
 * last committed state, which is all a read outside a transaction ever saw (a write is acknowledged only
 * after its COMMIT); a read inside a transaction stays on the writer, so it sees that transaction's writes.
 */
export function readRoutingDialect(
  writer: Preparer,
  reader: Preparer,
  mutex: Mutex,
  durable: () => Promise<void>,
): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ReadRoutingDriver(writer, reader, mutex, durable),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}
