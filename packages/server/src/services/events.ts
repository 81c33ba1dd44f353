import { newId, type Problem } from "@ninsho/core";
import type { Repositories } from "@ninsho/store";

/**
 * Keep a refused attempt in the timeline, so support can see why a device was turned away (and how it came:
 * `extra`, e.g. `{ method: "phone" }`).
 */
export async function recordRefusal(
  tx: Repositories,
  licenseId: string,
  problem: Problem,
  at: string,
  extra: Readonly<Record<string, unknown>> = {},
): Promise<void> {
  await tx.events.append({
    id: newId("event"),
    licenseId,
    type: "activation.refused",
    actor: "system",
    reason: problem.code,
    data: { ...extra, ...(problem.details === undefined ? {} : { details: problem.details }) },
    createdAt: at,
  });
}
