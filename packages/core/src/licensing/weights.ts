import type { Problem } from "../result.js";
import type { Channel } from "./policy.js";

/** The component kinds the SDK's collectors read (see `defaultComponentWeights`). */
export const builtInComponentKinds = ["board", "disk", "os-install", "mac", "cpu", "gpu", "ram"] as const;

/** A vendor's own component kind, sent by the vendor's code: named `vendor-…` so a typo is never one. */
const VENDOR_KIND = /^vendor-[a-z0-9-]+$/;

/**
 * The kinds a container can read (see the SDK's `containerReadings`): its configured id (as `os-install`) and
 * the model-level facts; board, disk and NIC belong to the host or to one run.
 */
export const containerReadableKinds: readonly string[] = ["os-install", "cpu", "gpu", "ram"];

/**
 * Why a policy's weights would make nonsense, or `undefined`: a kind no collector sends (a typo such as `boards`
 * weighs nothing and silently loosens matching), or, for containers (`workload`), no weighted kind a container
 * can read (every container would look like a new device, or like every other).
 * @example
 * weightsProblem({ boards: 10 }, "retail"); // { code: "COMPONENT_KIND_UNKNOWN", params: { kinds: "boards" } }
 */
export function weightsProblem(
  weights: Readonly<Record<string, number>>,
  channel: Channel,
): Problem | undefined {
  const known: readonly string[] = builtInComponentKinds;
  const unknown = Object.keys(weights).filter((kind) => !known.includes(kind) && !VENDOR_KIND.test(kind));
  if (unknown.length > 0) {
    return { code: "COMPONENT_KIND_UNKNOWN", params: { kinds: unknown.join(", "), known: known.join(", ") } };
  }
  if (channel !== "workload") return undefined;
  const readable = Object.entries(weights).some(
    ([kind, weight]) => weight > 0 && (containerReadableKinds.includes(kind) || VENDOR_KIND.test(kind)),
  );
  return readable
    ? undefined
    : { code: "WEIGHTS_UNREADABLE_IN_CONTAINER", params: { kinds: containerReadableKinds.join(", ") } };
}
