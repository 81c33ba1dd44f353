import { createStore, type Store } from "@ninsho/store";
import { afterAll, describe, expect, it } from "vitest";
import { type OpenedRateLimits, openRateLimits } from "../src/security/sharedRateLimits.js";

const limits = { perClient: 4, global: 1000, windowSeconds: 60 };
const opened: OpenedRateLimits[] = [];
const stores: Store[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const rate of opened.splice(0)) await rate.close();
  for (const store of stores.splice(0)) await store.close();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function storeAt(url: string): Promise<Store> {
  const store = createStore({ url });
  stores.push(store);
  await store.migrate();
  return store;
}

describe("shared rate limits", () => {
  it("an unreachable Redis fails the start with a plain message", async () => {
    const store = await storeAt(":memory:");
    await expect(openRateLimits({ store, redisUrl: "redis://127.0.0.1:1", limits })).rejects.toThrow(
      /cannot reach Redis at 127\.0\.0\.1:1/,
    );
  });
});
