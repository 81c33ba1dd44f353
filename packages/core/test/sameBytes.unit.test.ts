import { describe, expect, it } from "vitest";
import { sameBytes } from "../src/index.js";

describe("sameBytes", () => {
  it("is true for equal bytes and equal strings", () => {
    expect(sameBytes(Buffer.from([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(sameBytes("ドア-42", "ドア-42")).toBe(true);
    expect(sameBytes(new Uint8Array(0), "")).toBe(true);
  });

  it("is false for unequal values of the same length, wherever they differ", () => {
    const base = Buffer.alloc(32, 7);
    for (const at of [0, 15, 31]) {
      const other = Buffer.from(base);
      other[at] = 8;
      expect(sameBytes(base, other)).toBe(false);
    }
    expect(sameBytes("abcd", "abce")).toBe(false);
  });

  it("is false, without throwing, for different lengths (a prefix included)", () => {
    expect(() => sameBytes(Buffer.alloc(32), Buffer.alloc(31))).not.toThrow();
    expect(sameBytes(Buffer.alloc(32), Buffer.alloc(31))).toBe(false);
    expect(sameBytes(Buffer.from("secret"), Buffer.from("secret-and-more"))).toBe(false);
    expect(sameBytes("", "x")).toBe(false);
  });

  it("compares a string as its UTF-8 bytes, not its UTF-16 code units", () => {
    expect(sameBytes("é", Buffer.from([0xc3, 0xa9]))).toBe(true);
    expect(sameBytes("é", Buffer.from([0xe9]))).toBe(false);
  });
});
