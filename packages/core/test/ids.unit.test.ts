import { type IdKind, idPrefixes, isIdOf, newId } from "@ninsho/core";
import { describe, expect, it } from "vitest";

const kinds = Object.keys(idPrefixes) as IdKind[];
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

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

    it("an id's first 10 characters are the time it was made, in ms (base32), as a ULID's", () => {
      const before = Date.now();
      const id = newId("license").slice(4);
      const after = Date.now();
      const ms = [...id.slice(0, 10)].reduce((n, c) => n * 32 + ALPHABET.indexOf(c), 0);
      expect(ms).toBeGreaterThanOrEqual(before);
      expect(ms).toBeLessThanOrEqual(after);
    });

    it("a new millisecond draws a fresh random part instead of counting on from the last one", () => {
      const first = newId("device").slice(4);
      const made = Date.now();
      while (Date.now() === made) {
        // wait for the clock's next millisecond (no timing assumption: only that the clock moves)
      }
      const second = newId("device").slice(4);
      expect(second.slice(0, 10) > first.slice(0, 10)).toBe(true);
      // 50 random bits equal by chance once in 10^15
      expect(second.slice(10, 20)).not.toBe(first.slice(10, 20));
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
