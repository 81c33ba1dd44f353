import canonicalize from "canonicalize";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../src/index.js";

/** The outcome of a canonicaliser: its text, or the message it refused with. */
const outcome = (f: (v: unknown) => string | undefined, value: unknown) => {
  try {
    return { text: f(value) };
  } catch (error) {
    return { refused: (error as Error).message };
  }
};

// Strings of any UTF-16 code units, lone surrogates included, as keys and as values.
const anyString = fc.string({ unit: "binary" });
const anyStringish = fc.oneof(
  anyString,
  fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c)) }),
);
const values = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(null, true, false, undefined, 0, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e21, 1e-7),
    fc.double(),
    fc.integer(),
    anyStringish,
    fc.array(tie("value")),
    fc.dictionary(anyStringish, tie("value")),
    fc.date({ noInvalidDate: true }),
  ),
}));

describe("canonicalJson (RFC 8785)", () => {
  it("writes exactly what the canonicalize package writes, and refuses what it refuses", () => {
    fc.assert(
      fc.property(values.value, (value) => {
        expect(outcome(canonicalJson, value)).toEqual(outcome(canonicalize, value));
      }),
      { numRuns: 3000 },
    );
  });

  it("sorts keys by UTF-16 code units at every level and writes numbers as ECMAScript does", () => {
    const value = { b: [3, { z: 1, a: null }], a: "é", "\u{1f600}": 1, "\uff61": 2, c: 1e21, d: 0.1 + 0.2 };
    expect(canonicalJson(value)).toBe(
      '{"a":"é","b":[3,{"a":null,"z":1}],"c":1e+21,"d":0.30000000000000004,"😀":1,"｡":2}',
    );
  });

  it("refuses what has no canonical form: NaN, infinities, lone surrogates, cycles", () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson({ n: Number.NaN })).toThrow("NaN");
    expect(() => canonicalJson([Number.NEGATIVE_INFINITY])).toThrow("Infinity");
    expect(() => canonicalJson({ s: "a\ud800b" })).toThrow("surrogate");
    expect(() => canonicalJson({ "\udc00": 1 })).toThrow("surrogate");
    expect(() => canonicalJson(cycle)).toThrow("Circular");
    expect(canonicalJson({ pair: "\ud83d\ude00" })).toBe('{"pair":"😀"}');
  });
});
