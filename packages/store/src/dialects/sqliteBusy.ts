/**
 * Whether an error is SQLite's "database is locked" (SQLITE_BUSY and its extended codes). The read-only
 * connection meets it now and then beside the writer and the side writer's flushes, despite its busy timeout
 * (seen under the bench's write runs: an activation's lookup answered 500, the webhook dispatcher's read
 * logged); a read that meets it is run again on the writing connection, whose lock orders it after the write
 * (`readOrFallBack`).
 * @example
 * isBusy(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" })); // true
 */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/**
 * Run a read on the read-only connection; when SQLite answers "database is locked", run it on the writer
 * instead (`onWriter`, which takes the writer's lock). Anything else is thrown as it came.
 * @example
 * const rows = await readOrFallBack(() => reader.prepare(sql).all(p), () => exclusive(async () => writer.prepare(sql).all(p)));
 */
export function readOrFallBack<T>(onReader: () => T, onWriter: () => Promise<T>): T | Promise<T> {
  try {
    return onReader();
  } catch (error) {
    if (!isBusy(error)) throw error;
    return onWriter();
  }
}
