import { type IdKind, idPrefixes, isIdOf, newId } from "@ninsho/core";
import { describe, expect, it } from "vitest";

const kinds = Object.keys(idPrefixes) as IdKind[];

describe("ids", () => {
  describe("happy", () => {
    it.each(kinds)("a %s id carries its prefix and a ULID", (kind) => {
      const id = newId(kind);
      expect(id).toMatch(new RegExp(`^${idPrefixes[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`));
      expect(isIdOf(kind, id)).toBe(true);
    });

    it("ids sort by creation, even within one millisecond, and never repeat", () => {
      const ids = Array.from({ length: 5000 }, () => newId("event"));
      expect([...ids].sort()).toEqual(ids);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });

  describe("error", () => {
    it("tells an id of another kind apart", () => {
      expect(new Set(Object.values(idPrefixes)).size).toBe(kinds.length);
      expect(isIdOf("license", newId("device"))).toBe(false);
      expect(isIdOf("license", "lic")).toBe(false);
      expect(isIdOf("license", "")).toBe(false);
      expect(isIdOf("license", "LIC_01JD3M5X9QK4Y6W8ZB2C7N0PAT")).toBe(false);
    });
  });
});
