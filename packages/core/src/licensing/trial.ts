import { createHmac } from "node:crypto";
import type { Fingerprint } from "../matching/fingerprint.js";
import { slotValueOf } from "../matching/kindMatch.js";
import { fail, ok, type Result } from "../result.js";
import type { FingerprintForm } from "./componentBinding.js";

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
 * The compact mark of a machine: its two anchors' compact slot values together (9 + 10 bits, what an
 * installation ID carries), keyed like the full marks. Unlike a full mark it is not unique to a machine: about
 * one machine in 2^19 shares it. `undefined` when neither anchor is present.
 */
function compactTrialMark(key: Buffer, productId: string, fingerprint: Pick<Fingerprint, "components">) {
  const slot = (kind: string): number => {
    const values = fingerprint.components
      .filter((c) => c.kind === kind)
      .map((c) => slotValueOf(kind, c.digest) ?? 0)
      .filter((v) => v > 0);
    return values.length === 0 ? 0 : Math.min(...values); // as the compact form keeps a kind (a min-hash)
  };
  const [board, disk] = TRIAL_COMPONENT_KINDS.map(slot);
  if (!board && !disk) return undefined;
  const mac = createHmac("sha256", key).update(`trial-compact\0${productId}\0${board}\0${disk}`);
  return mac.digest("hex");
}

/** Which marks a trial activation looks up (any taken by another license refuses it) and which it leaves. */
export interface TrialMarkSets {
  readonly check: readonly string[];
  readonly record: readonly string[];
}

/**
 * The marks a trial activation looks up and leaves, by how its fingerprint came (see `FingerprintForm`):
 * - in full (online, license file): looks up its full marks and the compact mark a phone trial left (`tp1.`);
 *   leaves its full marks and its compact mark (`tc1.`), for a phone trial on the same machine later;
 * - compactly (phone): looks up the compact mark any trial left (`tc1.`); leaves it, and `tp1.` for full ones.
 * So a trial is found whichever way it was taken and whichever way it is taken again, while an online trial is
 * compared compactly only with the few machines that took a trial by phone, never with every trial there was.
 * Attacker: a user who takes the trial again by phone or license file to dodge the online rule. Limit: a phone
 * trial is refused for a new machine whose anchors' slots equal a past trial machine's (1 in 2^19 each), and a
 * trial taken online before compact marks were kept is not found by phone.
 * @example
 * trialMarkSets(secrets.componentDigests, "prd_app", { components: compactComponents(iid.fingerprint) }, "compact");
 */
export function trialMarkSets(
  key: Buffer,
  productId: string,
  fingerprint: Pick<Fingerprint, "components">,
  form: FingerprintForm,
): TrialMarkSets {
  const compact = compactTrialMark(key, productId, fingerprint);
  if (form === "compact") {
    const marks = compact === undefined ? [] : [`tc1.${compact}`];
    return { check: marks, record: compact === undefined ? [] : [...marks, `tp1.${compact}`] };
  }
  const full = trialMarks(key, productId, fingerprint);
  if (full.length === 0 || compact === undefined) return { check: full, record: full };
  return { check: [...full, `tp1.${compact}`], record: [...full, `tc1.${compact}`] };
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
