import { monotonicFactory } from "ulidx";

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

const ulid = monotonicFactory();

/**
 * A new time-sortable id with its kind's prefix, e.g. `lic_01JD3M5X9Q…`. Sorting ids sorts by creation time.
 * @example
 * newId("license"); // "lic_01JD3M5X9QK4Y6W8ZB2C7N0PAT"
 */
export const newId = (kind: IdKind): string => `${idPrefixes[kind]}_${ulid()}`;

/** True when `id` has the prefix of `kind` (a cheap guard before a lookup). */
export const isIdOf = (kind: IdKind, id: string): boolean => id.startsWith(`${idPrefixes[kind]}_`);
