import type { Policy } from "@ninsho/contract";
import type { channels } from "@ninsho/core";
import type { ApiProblem } from "../../api.js";
import { fieldIssues } from "../fieldIssues.js";
import type { Speech } from "../i18n.js";

type Channel = (typeof channels)[number];

/** A policy as its form holds it: what is typed, days rather than seconds. */
export interface Draft {
  name: string;
  channel: Channel;
  maxDevices: string;
  leaseDays: string;
  graceDays: string;
  threshold: string;
  transferable: boolean;
  transfersPerYear: string;
  entitlements: string;
  /** Why an edit is made (for the audit log); unused when creating. */
  reason: string;
}

export type DraftErrors = Partial<Record<keyof Draft, string>>;

export const START: Draft = {
  name: "",
  channel: "retail",
  maxDevices: "2",
  leaseDays: "30",
  graceDays: "14",
  threshold: "0.7",
  transferable: true,
  transfersPerYear: "3",
  entitlements: "",
  reason: "",
};

const DAY = 86_400;

/** The form of an existing policy, to edit it. */
export const draftOf = (policy: Policy): Draft => ({
  name: policy.name,
  channel: policy.channel,
  maxDevices: String(policy.maxDevices),
  leaseDays: String(Math.round(policy.leaseSeconds / DAY)),
  graceDays: String(Math.round(policy.graceSeconds / DAY)),
  threshold: String(policy.matchThreshold),
  transferable: policy.transferable,
  transfersPerYear: String(policy.transfersPerYear),
  entitlements: policy.entitlements.join(", "),
  reason: "",
});

/** A whole number in [min, max], or undefined. */
const whole = (text: string, min: number, max: number) => {
  const n = Number(text);
  return /^\d+$/.test(text.trim()) && n >= min && n <= max ? n : undefined;
};

/**
 * Check a draft as the server's schema will (same bounds), so every mistake is named at its field before
 * anything is sent; the server still checks again (the page may be old or edited), and what it refuses is
 * shown at its field too (`serverErrors`).
 */
export function validate(draft: Draft, speech: Speech) {
  const { t, words: w } = speech;
  const errors: DraftErrors = {};
  const number = (key: keyof Draft, min: number, max: number) => {
    const value = whole(String(draft[key]), min, max);
    if (value === undefined) errors[key] = t(w.policy.badNumber, { min, max });
    return value ?? 0;
  };
  if (draft.name.trim() === "") errors.name = w.common.required;
  const maxDevices = number("maxDevices", 1, 1_000_000);
  const leaseDays = number("leaseDays", 1, 3650);
  const graceDays = number("graceDays", 0, 365);
  const transfersPerYear = number("transfersPerYear", 0, 1000);
  const threshold = Number(draft.threshold);
  if (!(threshold >= 0.05 && threshold <= 1)) errors.threshold = w.policy.badThreshold;
  const entitlements = draft.entitlements
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");
  const input = {
    name: draft.name.trim(),
    maxDevices,
    leaseSeconds: leaseDays * DAY,
    graceSeconds: graceDays * DAY,
    matchThreshold: threshold,
    transferable: draft.transferable,
    transfersPerYear,
    entitlements,
  };
  return { errors, input };
}

/** The API's name of each field → the form's (the form speaks in days). */
const FIELD_OF: Readonly<Record<string, keyof Draft>> = {
  name: "name",
  maxDevices: "maxDevices",
  leaseSeconds: "leaseDays",
  graceSeconds: "graceDays",
  matchThreshold: "threshold",
  transferable: "transferable",
  transfersPerYear: "transfersPerYear",
  entitlements: "entitlements",
  reason: "reason",
};

/** What the server refused (VALIDATION_FAILED), each at its field, in the page's words with the server's. */
export function serverErrors(problem: ApiProblem | undefined, speech: Speech): DraftErrors {
  const errors: DraftErrors = {};
  for (const [path, message] of fieldIssues(problem)) {
    const field = FIELD_OF[path];
    if (field !== undefined) errors[field] = speech.t(speech.words.common.serverRefused, { message });
  }
  return errors;
}
