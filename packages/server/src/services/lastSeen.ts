import type { Store } from "@ninsho/store";
import type { Logger } from "pino";

/**
 * Notes when devices were last seen and writes them in batches. A validation only touches memory, so it
 * never waits on a device row or serialises with other validations; the times reach the database within
 * `intervalMs`, and a lost last-seen time on a crash is harmless (it is not an acknowledged change).
 */
export class LastSeenRecorder {
  private pending = new Map<string, string>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    intervalMs = 5000,
  ) {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  note(deviceId: string, at: Date): void {
    this.pending.set(deviceId, at.toISOString());
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      // SQLite's store writes it from a worker thread, off the event loop (see `touchMany`); PostgreSQL in a
      // transaction, retried if two processes' flushes deadlock.
      if (this.store.singleWriterProcess) await this.store.devices.touchMany(batch);
      else await this.store.transaction((tx) => tx.devices.touchMany(batch));
    } catch (error) {
      this.logger.warn({ err: error, devices: batch.size }, "could not record last-seen times; will retry");
      for (const [id, at] of batch) if (!this.pending.has(id)) this.pending.set(id, at);
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
