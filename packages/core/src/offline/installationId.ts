import type { ProductKey } from "../keys/productKey.js";
import type { ComponentSet } from "../matching/fingerprint.js";
import { ok, type Result } from "../result.js";
import { fromBytes, packFields, toBytes, toDecimal, unpackFields } from "./bits.js";
import {
  COLLECTOR_PLATFORM_BITS,
  COLLECTOR_VERSION_BITS,
  type CollectorCode,
  collectorCode,
  collectorName,
} from "./collectorCode.js";
import {
  type CompactFingerprint,
  compactFingerprint,
  compactFromValues,
  compactValues,
  compactWidths,
} from "./compactFingerprint.js";
import { offlineDay } from "./days.js";
import { formatDigitGroups, laterMalformation, parseDigitGroups, toDigitGroups } from "./digitGroups.js";
import { licenseShortId, offlineProof, offlineProofKey, SHORT_ID_BITS } from "./keyDerived.js";
import { installationIdName, malformed } from "./malformation.js";

/**
 * Installation ID, version 1: 54 digits in 9 groups of six (five data digits and a Damm check digit each).
 * The 45 data digits are the version digit `1` and then 44 decimal digits of one 146-bit integer holding, most
 * significant first: product number (16 bits), license short id (40), day (16), collector platform (3) and
 * version (5), compact fingerprint (40) and a proof (26) — the first 26 bits of an HMAC under the key-derived
 * proof key, showing the ID was made by someone holding the product key.
 */
export const INSTALLATION_ID_VERSION = 1;
export const INSTALLATION_ID_GROUPS = 9;
export const INSTALLATION_ID_DIGITS = INSTALLATION_ID_GROUPS * 6;
const PROOF_BITS = 26;
const HEAD_WIDTHS = [
  16,
  SHORT_ID_BITS,
  16,
  COLLECTOR_PLATFORM_BITS,
  COLLECTOR_VERSION_BITS,
  ...compactWidths(),
];
const WIDTHS = [...HEAD_WIDTHS, PROOF_BITS];
const PAYLOAD_DIGITS = 44;
const PROOF_DOMAIN = "ninsho/installation-id/v1";

/** What an installation ID carries. */
export interface InstallationFields {
  /** The product's number on its server (1 … 65535), published with its offline key. */
  readonly productNumber: number;
  /** The license's short id, derived from its key (`licenseShortId`). */
  readonly licenseShortId: number;
  /** The day it was made (`offlineDay`): a server refuses old requests. */
  readonly day: number;
  readonly collector: CollectorCode;
  readonly fingerprint: CompactFingerprint;
  /** 26 bits of HMAC under the key's proof key over everything above. */
  readonly proof: number;
}

/** An installation ID, its fields and its forms. */
export interface InstallationId extends InstallationFields {
  readonly version: typeof INSTALLATION_ID_VERSION;
  /** The 45 data digits without check digits: the canonical form a confirmation signs. */
  readonly data: string;
  /** The nine groups of six digits, as shown and typed. */
  readonly groups: readonly string[];
  /** The groups joined by hyphens. */
  readonly text: string;
  /** The collector's name, e.g. `linux/2`. */
  readonly collectorName: string;
}

const headValues = (f: Omit<InstallationFields, "proof">): bigint[] => [
  BigInt(f.productNumber),
  BigInt(f.licenseShortId),
  BigInt(f.day),
  BigInt(f.collector.platform),
  BigInt(f.collector.version),
  ...compactValues(f.fingerprint),
];

/**
 * The proof of an ID's other fields under a license's proof key (see `offlineProofKey`).
 * @example
 * installationProof(offlineProofKey(key), fields); // a number below 2^26
 */
export function installationProof(proofKey: Buffer, fields: Omit<InstallationFields, "proof">): number {
  const head = toBytes(packFields(HEAD_WIDTHS, headValues(fields)), 15);
  const mac = offlineProof(proofKey, PROOF_DOMAIN, head);
  return Number(fromBytes(mac.subarray(0, 4)) >> BigInt(32 - PROOF_BITS));
}

/**
 * Write an installation ID from its fields (proof included).
 * @example
 * encodeInstallationId(fields).text; // "100421-…" (nine groups)
 */
export function encodeInstallationId(fields: InstallationFields): InstallationId {
  const packed = packFields(WIDTHS, [...headValues(fields), BigInt(fields.proof)]);
  const data = `${INSTALLATION_ID_VERSION}${toDecimal(packed, PAYLOAD_DIGITS)}`;
  const groups = toDigitGroups(data);
  return {
    version: INSTALLATION_ID_VERSION,
    ...fields,
    data,
    groups,
    text: formatDigitGroups(groups),
    collectorName: collectorName(fields.collector),
  };
}

/** What a device knows when it makes its installation ID. */
export interface InstallationInput {
  readonly key: ProductKey;
  readonly productNumber: number;
  /** The machine's current component set (its collector and components). */
  readonly components: ComponentSet;
  readonly at: Date;
}

/**
 * The installation ID of this machine, from its key, product number, components and today's date.
 * @example
 * const iid = buildInstallationId({ key, productNumber: 4242, components: fingerprint, at: new Date() });
 * console.log(iid.text);
 */
export function buildInstallationId(input: InstallationInput): InstallationId {
  if (!Number.isInteger(input.productNumber) || input.productNumber < 1 || input.productNumber > 0xffff)
    throw new RangeError("product number must be 1 … 65535");
  const fields = {
    productNumber: input.productNumber,
    licenseShortId: licenseShortId(input.key),
    day: offlineDay(input.at),
    collector: collectorCode(input.components.collector),
    fingerprint: compactFingerprint(input.components.components),
  };
  return encodeInstallationId({ ...fields, proof: installationProof(offlineProofKey(input.key), fields) });
}

/**
 * Read an installation ID as a person typed it. A typo is named by its group; a version this code does not
 * read, or digits out of range, are refused as malformed too.
 * @example
 * const read = parseInstallationId("100421-…");
 * if (!read.ok) console.log(read.error.params?.reason);
 */
export function parseInstallationId(input: string): Result<InstallationId> {
  const parsed = parseDigitGroups(input, INSTALLATION_ID_GROUPS);
  if (!parsed.ok)
    return { ok: false, error: malformed("INSTALLATION_ID_MALFORMED", parsed.error, installationIdName) };
  const data = parsed.value;
  if (data[0] !== String(INSTALLATION_ID_VERSION)) {
    const m = laterMalformation("version", [1], INSTALLATION_ID_GROUPS);
    return { ok: false, error: malformed("INSTALLATION_ID_MALFORMED", m, installationIdName) };
  }
  const values = unpackFields(WIDTHS, BigInt(data.slice(1)));
  if (!values) {
    const m = laterMalformation("range", [1], INSTALLATION_ID_GROUPS);
    return { ok: false, error: malformed("INSTALLATION_ID_MALFORMED", m, installationIdName) };
  }
  const n = (i: number) => Number(values[i] ?? 0n);
  const fields: InstallationFields = {
    productNumber: n(0),
    licenseShortId: n(1),
    day: n(2),
    collector: { platform: n(3), version: n(4) },
    fingerprint: compactFromValues(values.slice(5, 5 + compactWidths().length)),
    proof: n(WIDTHS.length - 1),
  };
  return ok(encodeInstallationId(fields));
}

/**
 * True when the ID's proof was made with this key (the server checks it against the license's sealed key).
 * @example
 * installationProofHolds(iid, key); // false for an ID made with another key, or altered
 */
export const installationProofHolds = (iid: InstallationFields, key: ProductKey): boolean =>
  installationProof(offlineProofKey(key), iid) === iid.proof;
