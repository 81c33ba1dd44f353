import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.js";

interface Pending<R> {
  readonly work: (tx: Kysely<Database>) => Promise<R>;
  readonly resolve: (value: R) => void;
  readonly reject: (error: unknown) => void;
}

/** Most transactions one commit carries; a bound on how long the first of them waits for its reply. */
const MAX_BATCH = 256;

/**
 * Group commit for SQLite. Every commit with `synchronous = FULL` waits for the disk, and one process owns
 * the database, so transactions asked for while another commits are run one after another inside ONE
 * transaction, each in its own savepoint, and committed together: one disk flush for the whole group.
 *
 * Each caller still gets exactly its own transaction's semantics: it runs alone (serially) and sees every
 * earlier write; if it throws, only its savepoint is rolled back and only its promise rejects; nothing is
 * resolved before the group's COMMIT has returned, so a reply sent after it is durable. If the commit itself
 * fails, every caller in the group gets the error and none of their writes exist.
 */
export class GroupCommit {
  private readonly queue: Pending<unknown>[] = [];
  private draining = false;

  constructor(private readonly db: Kysely<Database>) {}

  run<R>(work: (tx: Kysely<Database>) => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ work, resolve, reject } as Pending<unknown>);
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, MAX_BATCH);
      const outcomes: (() => void)[] = [];
      try {
        await this.db.transaction().execute(async (tx) => {
          for (const item of group) outcomes.push(await this.runInSavepoint(tx, item));
        });
      } catch (error) {
        for (const item of group) item.reject(error);
        continue;
      }
      for (const settle of outcomes) settle();
    }
    this.draining = false;
  }

  private async runInSavepoint(tx: Kysely<Database>, item: Pending<unknown>): Promise<() => void> {
    await sql`savepoint grouped`.execute(tx);
    try {
      const value = await item.work(tx);
      await sql`release grouped`.execute(tx);
      return () => item.resolve(value);
    } catch (error) {
      await sql`rollback to grouped`.execute(tx);
      await sql`release grouped`.execute(tx);
      return () => item.reject(error);
    }
  }
}
