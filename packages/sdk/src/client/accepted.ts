import type { Component, Fingerprint } from "@ninsho/core";
import { isRecord } from "@ninsho/core";

/**
 * The component set the server last accepted from this machine: the fingerprint sent with the last
 * activation, transfer or validation it answered with a lease. The server keeps a rolling baseline (each
 * accepted set replaces the last), so this is what the next validation is compared with. Digests only, as
 * sent; a collector upgrade's `previous` sets are not kept (the server moves to the current set).
 *
 * @example
 * const { acceptedFingerprint } = await client.status();
 * compareFingerprint(acceptedFingerprint.components, await readFingerprint(), weights, threshold);
 */
export interface AcceptedFingerprint {
  /** When the answer that accepted it arrived (this machine's clock). */
  readonly at: string;
  readonly collector: string;
  readonly components: readonly Component[];
}

/**
 * How `state.json` keeps it: the instant in epoch milliseconds.
 *
 * @example
 * const record: AcceptedRecord = acceptedRecord(fingerprint, Date.now());
 */
export interface AcceptedRecord {
  readonly atMs: number;
  readonly collector: string;
  readonly components: readonly Component[];
}

/**
 * The record of a fingerprint the server just accepted.
 *
 * @example
 * state.accepted = acceptedRecord(await ctx.fingerprint(), ctx.now());
 */
export const acceptedRecord = (fingerprint: Fingerprint, atMs: number): AcceptedRecord => ({
  atMs,
  collector: fingerprint.collector,
  components: fingerprint.components.map((c) => ({ kind: c.kind, digest: c.digest })),
});

/**
 * The record as a status shows it.
 *
 * @example
 * acceptedView({ atMs: 0, collector: "linux/2", components: [] }).at; // "1970-01-01T00:00:00.000Z"
 */
export const acceptedView = (record: AcceptedRecord): AcceptedFingerprint => ({
  at: new Date(record.atMs).toISOString(),
  collector: record.collector,
  components: record.components,
});

/**
 * A loose shape check of a record read back from `state.json` (the MAC vouches for the rest).
 *
 * @example
 * isAcceptedRecord(JSON.parse(body).accepted); // true
 */
export const isAcceptedRecord = (v: unknown): v is AcceptedRecord =>
  isRecord(v) &&
  Number.isFinite(v.atMs) &&
  typeof v.collector === "string" &&
  Array.isArray(v.components) &&
  v.components.every((c) => isRecord(c) && typeof c.kind === "string" && typeof c.digest === "string");
