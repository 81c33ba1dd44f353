import { nothing } from "./collector.js";
import type { RawReading } from "./types.js";

/** Facts that in a container belong to the host (shared by every container on it) or to one run. */
const HOST_OR_RUN_KINDS = new Set(["board", "disk", "mac", "os-install"]);

/**
 * The readings of a container: its identity is the id the vendor configured, never the host's board and
 * disk (every container on the host shares them, and an orchestrator moves containers between hosts), its
 * per-run network interfaces, or the machine-id baked into its image (shared by every container of it).
 * Model-level facts (CPU, memory, GPU) stay, weighing little as they always do.
 *
 * @example
 * containerReadings(readings, "billing-worker-3");
 * // os-install: ["billing-worker-3"]; board, disk, mac: reason "container"
 */
export function containerReadings(
  readings: readonly RawReading[],
  containerId: string | undefined,
): RawReading[] {
  const kept = readings.filter((reading) => !HOST_OR_RUN_KINDS.has(reading.kind));
  const hostDetail = "not read in a container: it belongs to the host and is shared by its containers";
  return [
    ...kept,
    nothing("board", "container", hostDetail),
    nothing("disk", "container", hostDetail),
    nothing("mac", "container", "not read in a container: its network interfaces are created per run"),
    containerId === undefined
      ? nothing(
          "os-install",
          "no-container-id",
          "a container needs a stable id: set the containerId option or NINSHO_CONTAINER_ID",
        )
      : { kind: "os-install", values: [containerId], from: "containerId" },
  ];
}
