import { describe, expect, it } from "vitest";
import { anEvent, seedLicense } from "./support/builders.js";
import { dialects, useStore } from "./support/databases.js";

describe.each(dialects)("$dialect", ({ dialect, skip }) => {
  describe.skipIf(skip)("events", () => {
    const t = useStore(dialect);

    it("has no way to edit the log: no update or delete method, and appending an existing id is refused", async () => {
      const methods = (object: object) =>
        Object.getOwnPropertyNames(Object.getPrototypeOf(object))
          .filter((name) => name !== "constructor")
          .sort();
      expect(methods(t.store.events)).toEqual([
        "append",
        "findMany",
        "listAllTypesSince",
        "listByLicense",
        "listTypesSince",
      ]);
      await t.store.transaction(async (tx) => {
        expect(methods(tx.events)).toEqual([
          "append",
          "findMany",
          "listAllTypesSince",
          "listByLicense",
          "listTypesSince",
        ]);
      });

      const { license } = await seedLicense(t.store);
      const original = anEvent(license.id, { type: "license.revoked", reason: "fraud" });
      await t.store.events.append(original);
      await expect(t.store.events.append({ ...original, reason: "rewritten" })).rejects.toThrow();
      await expect(
        t.store.events.append(anEvent(license.id), { ...original, type: "license.reinstated" }),
      ).rejects.toThrow();
      expect(await t.store.events.listByLicense(license.id)).toStrictEqual([original]);
    });
  });
});
