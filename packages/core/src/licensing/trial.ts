import { createHmac } from "node:crypto";
import type { Fingerprint } from "../matching/fingerprint.js";
import { fail, ok, type Result } from "../result.js";

/**
 * The components a trial is remembered by: the two physical anchors of a machine (see
 * `defaultComponentWeights`). Neither changes when the app, the OS or the key is reinstalled; the install id
 * and the NIC do (or are trivially changed), so they are left out.
 */
export const TRIAL_COMPONENT_KINDS = ["board", "disk"] as const;

/**
 * The marks a trial leaves for a machine: one keyed digest (HMAC under a server secret) per anchor component,
 * per product. The store keeps only these, so a stolen database tells nothing about the machines, and one
 * product's trial says nothing about another's. The fingerprint's digests are already keyed by the server.
 * @example
 * trialMarks(secrets.componentDigests, "prd_app", fingerprint); // ["t1.9ab1…", "t1.77c0…"]
 */
export function trialMarks(
  key: Buffer,
  productId: string,
  fingerprint: Pick<Fingerprint, "components">,
): string[] {
  const kinds: readonly string[] = TRIAL_COMPONENT_KINDS;
  const marks = fingerprint.components
    .filter((c) => kinds.includes(c.kind))
    .map((c) => {
      const mac = createHmac("sha256", key).update(
        `trial\0${productId}\0${c.kind}\0${c.digest.toLowerCase()}`,
      );
      return `t1.${mac.digest("hex")}`;
    });
  return [...new Set(marks)].sort();
}

/**
 * Whether a trial license may start on a machine: one trial per machine per product, however often the key or
 * the app is reinstalled. `takenBy` are the licenses that left one of the machine's marks before. The same trial
 * license coming back (after a deactivation) is let through; any other is TRIAL_ALREADY_USED. A machine that
 * reports no anchor at all could never be remembered, so it gets no trial (BOUND_COMPONENT_MISSING).
 * Attacker: a user reinstalling the app or the OS, or asking for one new trial key after another, on one
 * machine. Limit: a new machine (both anchors new) gets a new trial, and so does a client rewritten to send
 * invented digests (docs/security.md).
 * @example
 * judgeTrial("lic_2", marks, ["lic_1"]); // TRIAL_ALREADY_USED
 */
export function judgeTrial(
  licenseId: string,
  marks: readonly string[],
  takenBy: readonly string[],
): Result<void> {
  if (marks.length === 0) return fail("BOUND_COMPONENT_MISSING", { kind: TRIAL_COMPONENT_KINDS.join(", ") });
  if (takenBy.some((id) => id !== licenseId)) return fail("TRIAL_ALREADY_USED");
  return ok(undefined);
}
