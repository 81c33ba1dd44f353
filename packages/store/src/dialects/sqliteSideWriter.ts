import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** One statement of a side transaction: SQL text with `?` placeholders and its parameters. */
export interface SideStatement {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

/**
 * The worker: its own writing connection to the same file, running each batch of statements in one transaction.
 * Plain JavaScript (an eval worker), so it runs the same from sources under test and from the build.
 */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma("synchronous = FULL");
db.pragma("busy_timeout = 5000");
const runAll = db.transaction((statements) => {
  for (const s of statements) db.prepare(s.sql).run(s.parameters);
});
parentPort.on("message", ({ id, statements }) => {
  try {
    runAll(statements);
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

interface Job {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/**
 * A second writing connection in a worker thread, for large writes nobody waits for (last-seen times): with
 * `synchronous = FULL` a commit blocks its thread until the disk has the write, and better-sqlite3 runs on the
 * event loop's thread, so a flush of thousands of devices (tens of MB of WAL, written and fsynced, then
 * checkpointed) stopped every request for a second or more. Here the worker waits for the disk while the event
 * loop goes on answering reads on the read connection.
 *
 * SQLite admits one writer at a time, and the main writing connection would block its thread on SQLite's busy
 * handler if it met the worker's lock, so `run` is called under the main writer's lock (`exclusive`): the main
 * connection's transactions wait for it asynchronously, as they wait for each other.
 *
 * @example
 * await side.run([{ sql: "update devices set last_seen_at = ? where id = ?", parameters: [at, id] }]);
 */
export class SideWriter {
  private worker: Worker | undefined;
  private readonly jobs = new Map<number, Job>();
  private next = 0;

  constructor(
    private readonly path: string,
    private readonly exclusive: <T>(work: () => Promise<T>) => Promise<T>,
  ) {}

  /** Run `statements` in one transaction of the worker's connection; resolves once committed. */
  run(statements: readonly SideStatement[]): Promise<void> {
    if (statements.length === 0) return Promise.resolve();
    return this.exclusive(
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = this.start();
          const id = this.next++;
          this.jobs.set(id, { resolve, reject });
          worker.ref(); // a pending write keeps the process alive until it is on disk
          worker.postMessage({ id, statements });
        }),
    );
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    const worker = new Worker(WORKER, { eval: true, workerData: { path: this.path, driver } });
    worker.on("message", ({ id, error }: { id: number; error?: string }) => {
      const job = this.jobs.get(id);
      this.jobs.delete(id);
      if (this.jobs.size === 0) worker.unref();
      if (error === undefined) job?.resolve();
      else job?.reject(new Error(error));
    });
    worker.on("error", (error) => this.failAll(error));
    worker.on("exit", () => {
      this.worker = undefined;
      this.failAll(new Error("the SQLite side writer stopped"));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const job of this.jobs.values()) job.reject(error);
    this.jobs.clear();
  }

  /** Stop the worker once its pending writes are done (they hold the main lock, so waiting for it is enough). */
  async close(): Promise<void> {
    await this.exclusive(async () => {});
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}
