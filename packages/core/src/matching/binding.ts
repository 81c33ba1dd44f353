import { createHash } from "node:crypto";
import { canonicalJson } from "../canonicalJson.js";
import {
  type Component,
  DEFAULT_MATCH_THRESHOLD,
  defaultComponentWeights,
  type Fingerprint,
  fingerprintDigest,
} from "./fingerprint.js";
import { compareFingerprint } from "./match.js";

/**
 * Binding answers and leases to the machine that asked. A signed answer carries `fingerprintDigest`, the
 * digest of the exact fingerprint its request sent (next to the request's nonce), so an answer obtained with
 * another machine's fingerprint (a relay that swaps one registered machine in for every machine behind it)
 * is refused by the SDK. A lease carries `fpd`, the digest of the components it was issued for, and the
 * policy's match rule (`fpm`), so the SDK checks a lease against the machine it runs on.
 */

/**
 * The digest of a whole request fingerprint (collector, components in the order sent, previous sets): SHA-256
 * of its RFC 8785 JSON, hex. The server echoes it in signed answers; the SDK compares it with what it sent.
 *
 * @example
 * fingerprintBinding({ collector: "linux/2", components: [{ kind: "board", digest: "9f2c…" }] }); // "5d41…"
 */
export function fingerprintBinding(fingerprint: Fingerprint): string {
  const text = canonicalJson({
    collector: fingerprint.collector,
    components: fingerprint.components.map((c) => ({ kind: c.kind, digest: c.digest })),
    ...(fingerprint.previous === undefined
      ? {}
      : {
          previous: fingerprint.previous.map((set) => ({
            collector: set.collector,
            components: set.components.map((c) => ({ kind: c.kind, digest: c.digest })),
          })),
        }),
  });
  if (text === undefined) throw new TypeError("a fingerprint cannot be canonicalized");
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * The match rule a lease carries (`fpm`): the policy's threshold and weights, so a device checks its lease
 * with the rule the server recognises it by.
 *
 * @example
 * const rule: MatchRule = { t: 0.45, w: { board: 35, disk: 35 } };
 */
export interface MatchRule {
  readonly t: number;
  readonly w: Readonly<Record<string, number>>;
}

/**
 * How a lease relates to the machine that holds it. `bound`: the machine is the one the lease was issued for
 * (the same components, or components that drifted within the match rule from those the lease names).
 * `unbound`: another machine, or nothing to tell by: the device must ask the server.
 *
 * @example
 * const binding: LeaseBinding = { bound: false, score: 0.12, threshold: 0.45 };
 */
export type LeaseBinding =
  | { readonly bound: true; readonly score: number }
  | { readonly bound: false; readonly score: number; readonly threshold: number };

/**
 * Check a lease against this machine: `fpd` is the lease's component digest; `basis`, when the device kept
 * them, the components whose digest `fpd` is (what the request that obtained the lease sent). An exact match
 * binds; otherwise the machine is compared with the basis by the lease's match rule, so RAM or a dock that
 * changed since keeps working offline, as it does online. A basis whose digest is not `fpd` is no basis: the
 * lease would be vouching for components someone wrote into a file.
 *
 * @example
 * const binding = leaseBinding(claims.fpd, claims.fpm, state.basis, await collectFingerprint());
 * if (!binding.bound) console.log("ask the server: score", binding.score);
 */
export function leaseBinding(
  fpd: string,
  rule: MatchRule | undefined,
  basis: readonly Component[] | undefined,
  machine: Fingerprint,
): LeaseBinding {
  const sets = [machine.components, ...(machine.previous ?? []).map((set) => set.components)];
  if (sets.some((components) => fingerprintDigest(components) === fpd)) return { bound: true, score: 1 };
  const threshold = rule?.t ?? DEFAULT_MATCH_THRESHOLD;
  if (basis === undefined || fingerprintDigest(basis) !== fpd) return { bound: false, score: 0, threshold };
  const match = compareFingerprint(basis, machine, rule?.w ?? defaultComponentWeights, threshold);
  return match.sameDevice
    ? { bound: true, score: match.score }
    : { bound: false, score: match.score, threshold };
}

/**
 * Whether a lease claim is a match rule.
 *
 * @example
 * isMatchRule({ t: 0.45, w: { board: 35 } }); // true
 */
export const isMatchRule = (v: unknown): v is MatchRule =>
  v !== null &&
  typeof v === "object" &&
  typeof (v as Record<string, unknown>).t === "number" &&
  typeof (v as Record<string, unknown>).w === "object" &&
  (v as Record<string, unknown>).w !== null &&
  Object.values((v as { w: object }).w).every((weight) => typeof weight === "number");
