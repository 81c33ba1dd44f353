import { buildTimeline, type License, type TimelineEntry } from "@ninsho/core";
import type { ServerDeps } from "../deps.js";

/**
 * A page of a license's timeline: its events, with the edits of every policy it has been under merged in (an
 * edit of its policy changes its rules from the next lease on, so it belongs in its history).
 * @example
 * const entries = await licenseTimeline(deps, license, { limit: 100 });
 */
export async function licenseTimeline(
  deps: Pick<ServerDeps, "store">,
  license: License,
  page: { readonly after?: string | undefined; readonly limit?: number | undefined } = {},
): Promise<TimelineEntry[]> {
  const limit = page.limit ?? 500;
  const events = await deps.store.events.listByLicense(license.id, {
    ...(page.after === undefined ? {} : { after: page.after }),
    limit,
  });
  const policyIds = new Set([license.policyId]);
  for (const e of await deps.store.events.listTypesSince(
    license.id,
    ["license.policy_changed"],
    license.createdAt,
  )) {
    if (typeof e.data.from === "string") policyIds.add(e.data.from);
  }
  const last = events.length === limit ? events[events.length - 1]?.createdAt : undefined;
  const edits = (
    await Promise.all([...policyIds].map((target) => deps.store.audit.list({ target, limit: 1000 })))
  )
    .flat()
    .filter((edit) => edit.type.startsWith("policy."))
    .filter((edit) => page.after === undefined || edit.createdAt > (events[0]?.createdAt ?? ""))
    .filter((edit) => last === undefined || edit.createdAt <= last);
  return buildTimeline(license.id, license.createdAt, events, edits);
}
