import type { LicenseEvent } from "./event.js";

/**
 * One line of a license's history as a reader sees it: a `code` (the event type, or `policy.updated` for an
 * edit of the license's policy) and flat `params` that `timelineMessage` words in English or Japanese, with the
 * raw facts kept in `data`.
 */
export interface TimelineEntry {
  readonly id: string;
  readonly licenseId: string;
  readonly type: string;
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly actor: string;
  readonly reason?: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
}

/** An edit of a policy, as the audit log keeps it (what a license's timeline shows of its policy). */
export interface PolicyEditRecord {
  readonly id: string;
  readonly type: string;
  readonly actor: string;
  readonly target?: string;
  readonly reason?: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
}

/** The top-level scalar facts of an entry, and the names of changed fields, as message values. */
function paramsOf(
  data: Readonly<Record<string, unknown>>,
  reason: string | undefined,
): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(data)) {
    if (typeof value === "string" || typeof value === "number") params[name] = value;
    else if (typeof value === "boolean") params[name] = String(value);
    else if (value === null) params[name] = "—";
  }
  const changes = data.changes;
  if (changes !== null && typeof changes === "object") params.fields = Object.keys(changes).sort().join(", ");
  const to = data.to;
  if (to !== null && typeof to === "object") params.fields = Object.keys(to).sort().join(", ") || "—";
  params.reason = reason ?? "—";
  return params;
}

/**
 * A license's timeline: its own events and the edits of its policy since the license was made, oldest first
 * (ids sort by time across both).
 * @example
 * const entries = buildTimeline(license.id, license.createdAt, events, policyEdits);
 */
export function buildTimeline(
  licenseId: string,
  since: string,
  events: readonly LicenseEvent[],
  policyEdits: readonly PolicyEditRecord[],
): TimelineEntry[] {
  const own = events.map((e) => entry(licenseId, e.id, e.type, e.actor, e.reason, e.data, e.createdAt));
  const edits = policyEdits
    .filter((edit) => edit.createdAt >= since)
    .map((edit) =>
      entry(
        licenseId,
        edit.id,
        edit.type,
        edit.actor,
        edit.reason,
        { policyId: edit.target ?? "—", ...edit.data },
        edit.createdAt,
      ),
    );
  return [...own, ...edits].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
}

const entry = (
  licenseId: string,
  id: string,
  type: string,
  actor: string,
  reason: string | undefined,
  data: Readonly<Record<string, unknown>>,
  createdAt: string,
): TimelineEntry => ({
  id,
  licenseId,
  type,
  code: type,
  params: paramsOf(data, reason),
  actor,
  ...(reason === undefined ? {} : { reason }),
  data,
  createdAt,
});

/** Entries only staff see (notes for staff), never in the owner's timeline. */
const staffOnly: readonly string[] = ["license.noted"];

/**
 * The timeline as the license's owner sees it: no staff notes, and staff named as `support` rather than by
 * their token (a token id is staff's business).
 * @example
 * ownerTimeline(entries).every((e) => e.type !== "license.noted"); // true
 */
export function ownerTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return entries
    .filter((e) => !staffOnly.includes(e.type))
    .map((e) => (e.actor.startsWith("token:") ? { ...e, actor: "support" } : e));
}
