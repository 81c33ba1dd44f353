import { createHash } from "node:crypto";
import type { Component } from "../matching/fingerprint.js";

/**
 * A fingerprint small enough for an installation ID: a few bits per component kind, as Windows XP's hardware
 * hash had 3–10 bits per device class. Each slot holds a short hash of the kind's digest (1 … 2^bits − 1), or
 * 0 when the machine has no component of that kind. Unit-level kinds get more bits, since a collision there
 * is what could make another machine pass for a known one; model-level kinds are shared by a whole order of
 * machines anyway. Layout version 1, 40 bits:
 *
 * | kind | board | disk | os-install | mac | cpu | gpu | ram |
 * |------|-------|------|------------|-----|-----|-----|-----|
 * | bits | 9     | 10   | 7          | 6   | 3   | 3   | 2   |
 */
export const COMPACT_LAYOUT = [
  { kind: "board", bits: 9 },
  { kind: "disk", bits: 10 },
  { kind: "os-install", bits: 7 },
  { kind: "mac", bits: 6 },
  { kind: "cpu", bits: 3 },
  { kind: "gpu", bits: 3 },
  { kind: "ram", bits: 2 },
] as const;

export type CompactKind = (typeof COMPACT_LAYOUT)[number]["kind"];

/** Slot value per kind; 0 means the kind is absent. */
export type CompactFingerprint = Readonly<Record<CompactKind, number>>;

export const COMPACT_FINGERPRINT_BITS = COMPACT_LAYOUT.reduce((sum, slot) => sum + slot.bits, 0);

const bitsByKind: ReadonlyMap<string, number> = new Map(COMPACT_LAYOUT.map((s) => [s.kind, s.bits]));

/**
 * Bits of a kind's slot, or `undefined` for a kind the compact form does not carry (a vendor's own kind).
 * @example
 * compactBits("disk"); // 10
 */
export const compactBits = (kind: string): number | undefined => bitsByKind.get(kind);

/**
 * The slot value of one digest: 1 + (a hash of kind and digest, modulo 2^bits − 1), never 0.
 * @example
 * compactValue("disk", "9f2c1e7a0b3d4c5e"); // a number in 1 … 1023
 */
export function compactValue(kind: string, digest: string): number {
  const bits = compactBits(kind);
  if (bits === undefined) throw new RangeError(`kind ${kind} has no compact slot`);
  const hash = createHash("sha256").update(`ninsho/compact-component/v1\0${kind}\0${digest.toLowerCase()}`);
  return 1 + (hash.digest().readUIntBE(0, 6) % (2 ** bits - 1));
}

/**
 * The compact fingerprint of a component set. A kind with several digests (two disks, three NICs) keeps the
 * smallest of their values: whichever digests two readings share, they usually agree on it (a min-hash).
 * @example
 * compactFingerprint(fingerprint.components).disk; // e.g. 517
 */
export function compactFingerprint(components: readonly Component[]): CompactFingerprint {
  const values = Object.fromEntries(COMPACT_LAYOUT.map((s) => [s.kind, 0])) as Record<CompactKind, number>;
  for (const { kind, digest } of components) {
    if (!bitsByKind.has(kind)) continue;
    const value = compactValue(kind, digest);
    const slot = kind as CompactKind;
    if (values[slot] === 0 || value < values[slot]) values[slot] = value;
  }
  return values;
}

/**
 * The slot widths, in layout order, for packing.
 * @example
 * compactWidths(); // [9, 10, 7, 6, 3, 3, 2]
 */
export const compactWidths = (): number[] => COMPACT_LAYOUT.map((s) => s.bits);

/**
 * Slot values in layout order.
 * @example
 * compactValues(fp); // [301n, 517n, …]
 */
export const compactValues = (fp: CompactFingerprint): bigint[] =>
  COMPACT_LAYOUT.map((s) => BigInt(fp[s.kind]));

/**
 * A compact fingerprint from slot values in layout order.
 * @example
 * compactFromValues([301n, 517n, 12n, 40n, 3n, 5n, 1n]).disk; // 517
 */
export const compactFromValues = (values: readonly bigint[]): CompactFingerprint =>
  Object.fromEntries(COMPACT_LAYOUT.map((s, i) => [s.kind, Number(values[i] ?? 0n)])) as Record<
    CompactKind,
    number
  >;

const COMPACT_DIGEST = /^c1\.(\d{1,4})$/;

/**
 * How a device activated by phone keeps a component it only knows compactly: `c1.<value>` in place of a
 * digest. The matcher compares it with a full digest through `compactValue`.
 * @example
 * compactDigest(517); // "c1.517"
 */
export const compactDigest = (value: number): string => `c1.${value}`;

/**
 * The value of a stored compact digest, or `undefined` for a full digest.
 * @example
 * parseCompactDigest("c1.517"); // 517
 */
export function parseCompactDigest(digest: string): number | undefined {
  const match = COMPACT_DIGEST.exec(digest);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * Components that stand for a compact fingerprint: one `c1.<value>` digest per kind present.
 * @example
 * compactComponents(fp); // [{ kind: "board", digest: "c1.301" }, …]
 */
export const compactComponents = (fp: CompactFingerprint): Component[] =>
  COMPACT_LAYOUT.filter((s) => fp[s.kind] !== 0).map((s) => ({
    kind: s.kind,
    digest: compactDigest(fp[s.kind]),
  }));
