import type { Store } from "@ninsho/store";
import type { Logger } from "pino";

/** The name under which validations are counted per day (`daily_counts`), read by GET /v1/admin/stats. */
export const VALIDATIONS = "validations";

/**
 * Notes when devices were last seen and writes them in batches. A validation only touches memory, so it
 * never waits on a device row or serialises with other validations; the times reach the database within
 * `intervalMs`, and a lost last-seen time on a crash is harmless (it is not an acknowledged change).
 *
 * The same batch counts the validations per UTC day for the console's chart. Validations are the one
 * request too frequent to keep as events (an event row per validation would double the writes of the
 * hottest route), so each process counts them in memory and adds its count to one row per day with each
 * flush: one upsert per process every `intervalMs`, whatever the load. A crash loses at most one interval's
 * count of that process — a chart a few validations short, never a wrong decision.
 */
export class LastSeenRecorder {
  private pending = new Map<string, string>();
  private counted = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    intervalMs = 5000,
  ) {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  /** A device was served a validation at `at`. */
  note(deviceId: string, at: Date): void {
    const iso = at.toISOString();
    this.pending.set(deviceId, iso);
    const day = iso.slice(0, 10);
    this.counted.set(day, (this.counted.get(day) ?? 0) + 1);
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0 && this.counted.size === 0) return;
    const batch = this.pending;
    const counts = this.counted;
    this.pending = new Map();
    this.counted = new Map();
    try {
      // SQLite's store writes it from a worker thread, off the event loop (see `touchMany`); PostgreSQL in a
      // transaction, retried if two processes' flushes deadlock.
      if (batch.size > 0) {
        if (this.store.singleWriterProcess) await this.store.devices.touchMany(batch);
        else await this.store.transaction((tx) => tx.devices.touchMany(batch));
      }
    } catch (error) {
      this.logger.warn({ err: error, devices: batch.size }, "could not record last-seen times; will retry");
      for (const [id, at] of batch) if (!this.pending.has(id)) this.pending.set(id, at);
    }
    for (const [day, count] of counts) {
      try {
        await this.store.dailyCounts.add(VALIDATIONS, day, count);
      } catch (error) {
        this.logger.warn({ err: error, day }, "could not count validations; will retry");
        this.counted.set(day, (this.counted.get(day) ?? 0) + count);
      }
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
