/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a value: object keys sorted by UTF-16 code units at every
 * level, no whitespace, numbers and strings as ECMAScript's JSON.stringify writes them. What every signature and
 * digest over JSON in Ninsho hashes (signed answers, device proofs, fingerprint bindings, request files).
 *
 * The same output, and the same refusals (NaN, ±Infinity, a lone surrogate, a cycle), as the `canonicalize`
 * package it replaces on the hot path (test/canonicalJson.unit.test.ts holds them equal over random values):
 * that package scans every string character by character in JavaScript to find lone surrogates, which made it
 * a tenth of a validation's CPU; here one regular expression does it, and only on strings holding a surrogate.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, "x"] }); // '{"a":[true,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string | undefined {
  return write(value, new Set());
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * JSON.stringify writes a lone surrogate as a `\udXXX` escape and no other character with a `\ud` escape, so
 * a string whose JSON text has no `\ud` has none (one that has may only hold a backslash followed by "ud":
 * the exact test settles it).
 */
function text(value: string): string {
  const json = JSON.stringify(value);
  if (json.includes("\\ud") && LONE_SURROGATE.test(value)) throw new Error("Lone surrogate is not allowed");
  return json;
}

function write(value: unknown, seen: Set<object>): string | undefined {
  if (typeof value === "string") return text(value);
  if (typeof value === "number") {
    if (Number.isNaN(value)) throw new Error("NaN is not allowed");
    if (!Number.isFinite(value)) throw new Error("Infinity is not allowed");
    return JSON.stringify(value);
  }
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (seen.has(value)) throw new Error("Circular reference detected");
  const withJson = value as { toJSON?: unknown };
  if (typeof withJson.toJSON === "function") {
    seen.add(value);
    const result = write((withJson.toJSON as () => unknown).call(value), seen);
    seen.delete(value);
    return result;
  }
  seen.add(value);
  let out: string;
  if (Array.isArray(value)) {
    out = "[";
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (i > 0) out += ",";
      // As JSON.stringify: an undefined (or symbol) element is null.
      out += item === undefined || typeof item === "symbol" ? "null" : (write(item, seen) ?? "");
    }
    out += "]";
  } else {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    out = "{";
    let first = true;
    for (const key of keys) {
      const field = record[key];
      if (field === undefined || typeof field === "symbol") continue;
      out += `${first ? "" : ","}${text(key)}:${write(field, seen)}`;
      first = false;
    }
    out += "}";
  }
  seen.delete(value);
  return out;
}
