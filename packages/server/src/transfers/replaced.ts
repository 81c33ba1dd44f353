import type { Device, Problem } from "@ninsho/core";
import type { Repositories } from "@ninsho/store";

/** How a move was proven, as DEVICE_REPLACED words it (see the catalogue's `by` select). */
const byOf = (actor: string, data: Readonly<Record<string, unknown>>): string => {
  if (typeof data.by === "string") return data.by;
  if (actor.startsWith("token:")) return "support";
  return typeof data.method === "string" ? data.method : "other";
};

/**
 * A deactivated device that a transfer moved the license away from is told so: DEVICE_REPLACED says when, to
 * which machine and how the move was proven, where DEVICE_DEACTIVATED would only say it stopped. Read only on
 * this refusal path (the license's transfer events), so no request that is served pays for it.
 * @example
 * const problem = await withReplacement(deps.store, decision.problem, device);
 */
export async function withReplacement(
  store: Pick<Repositories, "events">,
  problem: Problem,
  device: Device | undefined,
): Promise<Problem> {
  if (problem.code !== "DEVICE_DEACTIVATED" || device === undefined) return problem;
  const moves = await store.events.listTypesSince(device.licenseId, ["device.transferred"], "");
  const move = moves.find((event) => event.data.fromDeviceId === device.id);
  if (!move) return problem;
  const facts = {
    replacedAt: move.createdAt,
    newDevice: typeof move.data.name === "string" ? move.data.name : "—",
    newDeviceId: typeof move.data.toDeviceId === "string" ? move.data.toDeviceId : "—",
    by: byOf(move.actor, move.data),
  };
  return { code: "DEVICE_REPLACED", params: facts, details: facts };
}
