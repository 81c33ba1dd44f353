import type { SettingsRepository } from "@ninsho/store";
import { describe, expect, it } from "vitest";
import { dialects, useStore } from "./support/databases.js";

/**
 * A test double of one repository: the interface (`contracts.ts`) is all a backend implements, so a Map can
 * stand where the database stands, and the same contract checks run on both.
 */
class MapSettings implements SettingsRepository {
  private readonly values = new Map<string, string>();
  async get(key: string) {
    return this.values.get(key);
  }
  async setIfAbsent(key: string, value: string) {
    if (this.values.has(key)) return false;
    this.values.set(key, value);
    return true;
  }
  async set(key: string, value: string) {
    this.values.set(key, value);
  }
}

/** What every SettingsRepository promises, whichever backend keeps it. */
async function settingsContract(settings: SettingsRepository) {
  const key = `contract-${Math.random()}`;
  expect(await settings.get(key)).toBeUndefined();
  expect(await settings.setIfAbsent(key, "first")).toBe(true);
  expect(await settings.setIfAbsent(key, "second")).toBe(false);
  expect(await settings.get(key)).toBe("first");
  await settings.set(key, "third");
  expect(await settings.get(key)).toBe("third");
}

describe("repositories are interfaces", () => {
  it("a test double implements one and keeps its contract", async () => {
    await settingsContract(new MapSettings());
  });

  describe.each(dialects)("$dialect", ({ dialect, skip }) => {
    describe.skipIf(skip)("the Kysely store", () => {
      const t = useStore(dialect);
      it("keeps the same contract", async () => {
        await settingsContract(t.store.settings);
      });
    });
  });
});
