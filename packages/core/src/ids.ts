import { randomBytes } from "node:crypto";

/** The kinds of things Ninsho names, and the prefix each id carries so a bare id says what it is. */
export const idPrefixes = {
  product: "prd",
  policy: "pol",
  license: "lic",
  device: "dev",
  event: "evt",
  token: "tok",
  signingKey: "sk",
  transfer: "trf",
  seat: "seat",
  account: "acc",
  mail: "mail",
  volumeGrant: "vgr",
  usageReport: "urp",
  audit: "aud",
  webhook: "whk",
  delivery: "dlv",
  support: "sup",
} as const;

export type IdKind = keyof typeof idPrefixes;

/** Crockford's base32, the ULID alphabet: sorting the text sorts the numbers. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;

/**
 * Random bytes cut from a pooled CSPRNG buffer, one base32 digit (5 bits, `& 31`: 256 is a multiple of 32, so
 * every digit is uniform) per byte. ulidx drew each digit with its own `getRandomValues` call: 16 calls per new
 * millisecond, which cost more than the rest of an activation's ids and a bulk issue's.
 */
let pool = Buffer.alloc(0);
let poolOffset = 0;
function freshRandom(digits: Uint8Array): void {
  if (poolOffset + RANDOM_CHARS > pool.length) {
    pool = randomBytes(RANDOM_CHARS * 1024);
    poolOffset = 0;
  }
  for (let i = 0; i < RANDOM_CHARS; i++) digits[i] = (pool[poolOffset + i] ?? 0) & 31;
  poolOffset += RANDOM_CHARS;
}

let lastTime = -1;
let timeText = "";
const randomDigits = new Uint8Array(RANDOM_CHARS);

/** Add one to the random part; false when it was all 31s (2^-80 after a fresh draw), so the caller moves on. */
function increment(digits: Uint8Array): boolean {
  for (let i = RANDOM_CHARS - 1; i >= 0; i--) {
    const digit = digits[i] ?? 0;
    if (digit < 31) {
      digits[i] = digit + 1;
      return true;
    }
    digits[i] = 0;
  }
  return false;
}

function encodeTime(ms: number): string {
  let text = "";
  for (let i = 0, rest = ms; i < TIME_CHARS; i++, rest = Math.floor(rest / 32))
    text = ALPHABET[rest % 32] + text;
  return text;
}

/**
 * A monotonic ULID: 48 bits of milliseconds, then 80 random bits; within one millisecond (or when the clock
 * steps back) the random part of the id before it plus one, so ids made in one process sort by creation.
 */
function ulid(): string {
  const now = Date.now();
  if (now > lastTime) {
    lastTime = now;
    timeText = encodeTime(now);
    freshRandom(randomDigits);
  } else if (!increment(randomDigits)) {
    lastTime += 1;
    timeText = encodeTime(lastTime);
    freshRandom(randomDigits);
  }
  let text = timeText;
  for (const digit of randomDigits) text += ALPHABET[digit];
  return text;
}

/**
 * A new time-sortable id with its kind's prefix, e.g. `lic_01JD3M5X9Q…`. Sorting ids sorts by creation time.
 * @example
 * newId("license"); // "lic_01JD3M5X9QK4Y6W8ZB2C7N0PAT"
 */
export const newId = (kind: IdKind): string => `${idPrefixes[kind]}_${ulid()}`;

/** True when `id` has the prefix of `kind` (a cheap guard before a lookup). */
export const isIdOf = (kind: IdKind, id: string): boolean => id.startsWith(`${idPrefixes[kind]}_`);
