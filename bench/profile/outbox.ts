/**
 * What draining the webhook outbox costs a server with no endpoint, as the dispatcher did it (one durable
 * transaction per outbox row: take the row, read the endpoints) and as it does now (one per batch of 200 rows:
 * read the endpoints, drop the batch). Every durable write (activation, deactivation, seat check-out…) appends
 * events and so one outbox row; the bench's write runs leave thousands, drained while the next runs are
 * measured. CPU time of this process and wall time, on a SQLite file, interleaved rounds.
 *
 *   npm run build && npx tsx bench/profile/outbox.ts 5000
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newId } from "@ninsho/core";
import { createStore, type Store } from "@ninsho/store";

const rows = Number(process.argv[2] ?? 5000);

async function drain(store: Store, mode: string): Promise<number> {
  let transactions = 0;
  for (;;) {
    const batch = await store.webhooks.peekOutbox(mode === "batch" ? 200 : 50);
    if (batch.length === 0) return transactions;
    if (mode === "batch") {
      await store.transaction(async (tx) => {
        await tx.webhooks.listEndpoints();
        await tx.webhooks.dropOutbox(batch.map((row) => row.id));
      });
      transactions++;
      continue;
    }
    for (const row of batch) {
      await store.transaction(async (tx) => {
        await tx.webhooks.takeOutbox(row.id);
        await tx.webhooks.listEndpoints();
      });
      transactions++;
    }
  }
}

for (const mode of ["per-row", "batch", "per-row", "batch"]) {
  const dir = mkdtempSync(join(tmpdir(), "ninsho-outbox-"));
  const store = createStore({ url: join(dir, "ninsho.db") });
  try {
    await store.migrate();
    const createdAt = new Date().toISOString();
    for (let i = 0; i < rows; i++) {
      const event = { id: newId("event"), licenseId: "lic_bench", actor: "system", data: {}, createdAt };
      await store.events.append({ ...event, type: "license.noted" });
    }
    const cpu = process.cpuUsage();
    const started = performance.now();
    const transactions = await drain(store, mode);
    const used = process.cpuUsage(cpu);
    const ms = (used.user + used.system) / 1000;
    const wall = performance.now() - started;
    console.log(
      `${mode}: ${rows} outbox rows in ${transactions} transactions, ${ms.toFixed(0)} ms CPU, ${wall.toFixed(0)} ms wall`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
