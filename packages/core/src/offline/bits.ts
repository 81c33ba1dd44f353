/**
 * Fixed-width unsigned fields packed most significant first into one integer, and the decimal digits that
 * carry it. Installation and confirmation IDs are such integers written in decimal.
 */

/** Field widths in bits, in order; the total must fit the digits that carry them. */
export type FieldWidths = readonly number[];

/**
 * Pack values into one integer, first value in the most significant bits.
 * @example
 * packFields([3, 5], [1n, 2n]); // 0b001_00010n = 34n
 */
export function packFields(widths: FieldWidths, values: readonly bigint[]): bigint {
  if (widths.length !== values.length) throw new RangeError("one value per field");
  let packed = 0n;
  widths.forEach((width, i) => {
    const value = values[i] ?? 0n;
    if (value < 0n || value >= 1n << BigInt(width))
      throw new RangeError(`field ${i} does not fit ${width} bits`);
    packed = (packed << BigInt(width)) | value;
  });
  return packed;
}

/**
 * Unpack an integer into its fields; `undefined` when it has bits above the fields' total.
 * @example
 * unpackFields([3, 5], 34n); // [1n, 2n]
 */
export function unpackFields(widths: FieldWidths, packed: bigint): bigint[] | undefined {
  const total = widths.reduce((sum, width) => sum + width, 0);
  if (packed < 0n || packed >> BigInt(total) !== 0n) return undefined;
  const values: bigint[] = [];
  let rest = packed;
  for (let i = widths.length - 1; i >= 0; i--) {
    const width = BigInt(widths[i] ?? 0);
    values.unshift(rest & ((1n << width) - 1n));
    rest >>= width;
  }
  return values;
}

/**
 * An integer as exactly `digits` decimal digits, zero-padded.
 * @example
 * toDecimal(42n, 5); // "00042"
 */
export function toDecimal(value: bigint, digits: number): string {
  const text = value.toString(10);
  if (value < 0n || text.length > digits) throw new RangeError(`value does not fit ${digits} digits`);
  return text.padStart(digits, "0");
}

/**
 * Bytes of an unsigned integer, big-endian, exactly `length` long.
 * @example
 * toBytes(258n, 2); // Uint8Array [1, 2]
 */
export function toBytes(value: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let rest = value;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  if (rest !== 0n) throw new RangeError(`value does not fit ${length} bytes`);
  return out;
}

/**
 * An unsigned big-endian integer from bytes.
 * @example
 * fromBytes(Uint8Array.of(1, 2)); // 258n
 */
export function fromBytes(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}
