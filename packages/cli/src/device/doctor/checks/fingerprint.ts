import {
  compareFingerprint,
  DEFAULT_MATCH_THRESHOLD,
  defaultComponentWeights,
  describe,
  fingerprintDigest,
  isRecord,
  type MatchExplanation,
} from "@ninsho/core";
import { when } from "../../../admin/format.js";
import { current, type Evidence, type Finding } from "../types.js";

const UNIT_KINDS = ["board", "disk", "mac", "os-install"];

const changedKinds = (explanation: Pick<MatchExplanation, "components">): string[] =>
  explanation.components.filter((c) => c.outcome === "changed" || c.outcome === "missing").map((c) => c.kind);

/** The match the server explained with its signed FINGERPRINT_MISMATCH verdict, if it sent one. */
function serverMatch(decision: unknown): MatchExplanation | undefined {
  const match = isRecord(decision) && isRecord(decision.explanation) ? decision.explanation : decision;
  return isRecord(match) && Array.isArray(match.components) && typeof match.score === "number"
    ? (match as unknown as MatchExplanation)
    : undefined;
}

/**
 * The policy's weights and threshold, as a decision of the server (an activation's or a validation's match)
 * names them; the defaults when it names none.
 */
function matchParameters(decision: unknown): { weights: Record<string, number>; threshold: number } {
  const match = isRecord(decision) && isRecord(decision.closest) ? decision.closest : decision;
  const weights: Record<string, number> = {};
  if (isRecord(match) && typeof match.threshold === "number" && Array.isArray(match.components)) {
    for (const entry of match.components) {
      if (isRecord(entry) && typeof entry.kind === "string" && typeof entry.weight === "number")
        weights[entry.kind] = entry.weight;
    }
    if (Object.keys(weights).length > 0) return { weights, threshold: match.threshold };
  }
  return { weights: { ...defaultComponentWeights }, threshold: DEFAULT_MATCH_THRESHOLD };
}

/**
 * Drift against the fingerprint the server last accepted (the SDK's `acceptedFingerprint`, as found), with
 * the policy's weights when the server's last decision named them.
 */
function againstAccepted(e: Evidence): Finding | undefined {
  const { m, locale, accepted, machine } = e;
  if (!accepted) return undefined;
  const { weights, threshold } = matchParameters(e.before.lastDecision?.match);
  const explanation = compareFingerprint(accepted.components, machine.fingerprint, weights, threshold);
  const changed = changedKinds(explanation);
  const since = when(accepted.at);
  const lines = [
    ...(changed.length > 0 ? [m.doctor.changedKinds(changed.join(", "))] : []),
    m.doctor.score(explanation.score, threshold, explanation.sameDevice, explanation.unitIds),
  ];
  const details = {
    explanation,
    acceptedAt: accepted.at,
    collector: machine.fingerprint.collector,
  };
  if (!explanation.sameDevice) {
    const text = describe("FINGERPRINT_MISMATCH", locale, { score: explanation.score, threshold });
    return { check: "fingerprint", outcome: "fail", code: "FINGERPRINT_MISMATCH", ...text, lines, details };
  }
  if (changed.length > 0) {
    const total = explanation.components.filter((c) => c.outcome !== "added").length;
    const text = describe("FINGERPRINT_DRIFT", locale, { changed: changed.length, total, since });
    return { check: "fingerprint", outcome: "warn", code: "FINGERPRINT_DRIFT", ...text, lines, details };
  }
  const message =
    explanation.collector === machine.fingerprint.collector
      ? m.doctor.fingerprintSame(since, machine.fingerprint.collector)
      : m.doctor.fingerprintViaPrevious(explanation.collector, machine.fingerprint.collector);
  return { check: "fingerprint", outcome: "ok", message, details };
}

/** Without a record of the accepted set, the lease's `fpd` still tells whether anything changed, though not what. */
function againstLease(e: Evidence): Finding | undefined {
  if (e.leaseFingerprint === undefined) return undefined;
  const fp = e.machine.fingerprint;
  const digests = [fp, ...(fp.previous ?? [])].map((set) => fingerprintDigest(set.components));
  if (digests.includes(e.leaseFingerprint)) {
    return { check: "fingerprint", outcome: "ok", message: e.m.doctor.fingerprintSameAsLease };
  }
  const text = describe("FINGERPRINT_DRIFT_UNEXPLAINED", e.locale);
  return { check: "fingerprint", outcome: "warn", code: "FINGERPRINT_DRIFT_UNEXPLAINED", ...text };
}

/**
 * Check 5, fingerprint drift since activation: which components changed (by kind, from salted digests),
 * the score against the threshold — the server's signed verdict when it refused this machine, else
 * `compareFingerprint` from @ninsho/core against the fingerprint the server last accepted (its `previous`
 * sets count, so a collector upgrade is no drift). A fingerprint with no unit-level component is a warning.
 * @example
 * checkFingerprint(evidence).lines; // ["changed: disk, mac", "match score 0.55 ≥ threshold 0.45: still recognised"]
 */
export function checkFingerprint(e: Evidence): Finding {
  const { m, locale, machine } = e;
  const s = current(e);
  // The SDK's own refusal of a lease that does not name this machine (`details.local`) is no server verdict:
  // the doctor explains it from the components, as it does any drift.
  const local = (s.problem?.details as { local?: unknown } | undefined)?.local === true;
  if (s.state === "mismatch" && !local) {
    const match = serverMatch(s.lastDecision?.match ?? s.problem?.details);
    const lines = match
      ? [
          m.doctor.changedKinds(changedKinds(match).join(", ")),
          m.doctor.score(match.score, match.threshold, false),
        ]
      : [];
    return {
      check: "fingerprint",
      outcome: "fail",
      code: "FINGERPRINT_MISMATCH",
      message: s.message ?? describe("FINGERPRINT_MISMATCH", locale).message,
      ...(s.remedy === undefined ? {} : { remedy: s.remedy }),
      lines,
      ...(match ? { details: { explanation: match } } : {}),
    };
  }
  const finding = againstAccepted(e) ?? againstLease(e);
  const unitRead = machine.fingerprint.components.some((c) => UNIT_KINDS.includes(c.kind));
  if (!unitRead && (finding === undefined || finding.outcome === "ok")) {
    const missing = machine.unreadable.filter((u) => UNIT_KINDS.includes(u.kind));
    const text = describe("FINGERPRINT_UNREADABLE", locale, { missing: UNIT_KINDS.join(", ") });
    return {
      check: "fingerprint",
      outcome: "warn",
      code: "FINGERPRINT_UNREADABLE",
      ...text,
      lines: missing.map((u) => `${u.kind}: ${u.detail}`),
      details: { unreadable: machine.unreadable, environment: machine.environment },
    };
  }
  return finding ?? { check: "fingerprint", outcome: "skipped", message: m.doctor.skippedNoLease };
}
