/**
 * A plain JSON object (not an array, not null), for walking tool output whose shape is not guaranteed.
 *
 * @example
 * const record: JsonRecord = { _name: "Wi-Fi", interface: "en0" };
 */
export type JsonRecord = Readonly<Record<string, unknown>>;

/**
 * Parse JSON without throwing; `undefined` for anything unparsable.
 *
 * @example
 * parseJson('{"a":1}'); // { a: 1 }
 * parseJson("not json"); // undefined
 */
export function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The value as a record, or `undefined`.
 *
 * @example
 * asRecord({ a: 1 }); // { a: 1 }
 * asRecord([1]); // undefined
 */
export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as JsonRecord)
    : undefined;
}

/**
 * The records of a value that may be one record or an array of them: PowerShell's ConvertTo-Json
 * prints a single result as an object and several as an array.
 *
 * @example
 * recordsOf({ Name: "GPU" }); // [{ Name: "GPU" }]
 * recordsOf([{ Name: "A" }, 3]); // [{ Name: "A" }]
 */
export function recordsOf(value: unknown): readonly JsonRecord[] {
  // Windows PowerShell 5.1 sometimes serialises a wrapped array as { "value": [...], "Count": n }.
  const wrapped = asRecord(value);
  if (wrapped && Array.isArray(wrapped.value) && typeof wrapped.Count === "number")
    return recordsOf(wrapped.value);
  const items = Array.isArray(value) ? (value as unknown[]) : [value];
  return items.flatMap((item) => {
    const record = asRecord(item);
    return record ? [record] : [];
  });
}

/**
 * A field as a string: strings as they are, finite numbers printed, anything else `undefined`.
 *
 * @example
 * stringField({ Capacity: 8589934592 }, "Capacity"); // "8589934592"
 */
export function stringField(record: JsonRecord | undefined, key: string): string | undefined {
  const value = record?.[key];
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}
