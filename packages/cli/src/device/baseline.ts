import { join } from "node:path";
import type { Component, ComponentSet } from "@ninsho/core";
import { CLI_FILES, isRecord, readJson, removeFile, writeJson } from "./files.js";

/**
 * The fingerprint the server last accepted from this machine through the CLI (at activation, transfer, or a
 * refresh the CLI made), with the policy's weights and threshold when the server's decision named them.
 * The server keeps a rolling baseline — each accepted fingerprint replaces the last — so this is what the
 * next validation is compared with. Digests only, as they were sent.
 * @example
 * const baseline = await loadBaseline(dir);
 * if (baseline) console.log(baseline.set.components.map((c) => c.kind));
 */
export interface Baseline {
  readonly recordedAt: string;
  readonly deviceId: string;
  readonly set: ComponentSet;
  readonly weights?: Readonly<Record<string, number>>;
  readonly threshold?: number;
}

const FORMAT = "ninsho-fingerprint-baseline/1";

const isComponent = (value: unknown): value is Component =>
  isRecord(value) && typeof value.kind === "string" && typeof value.digest === "string";

/**
 * The weights and threshold a server decision (an activation's or a validation's match) names, if any.
 * @example
 * matchParameters({ outcome: "recognized", threshold: 0.45, components: [{ kind: "board", weight: 35, outcome: "matched" }] });
 * // { weights: { board: 35 }, threshold: 0.45 }
 */
export function matchParameters(
  decision: unknown,
): { weights: Record<string, number>; threshold: number } | undefined {
  const match = isRecord(decision) && isRecord(decision.closest) ? decision.closest : decision;
  if (!isRecord(match) || typeof match.threshold !== "number" || !Array.isArray(match.components))
    return undefined;
  const weights: Record<string, number> = {};
  for (const entry of match.components) {
    if (isRecord(entry) && typeof entry.kind === "string" && typeof entry.weight === "number") {
      weights[entry.kind] = entry.weight;
    }
  }
  return Object.keys(weights).length > 0 ? { weights, threshold: match.threshold } : undefined;
}

/**
 * @example
 * await saveBaseline(dir, { recordedAt: new Date().toISOString(), deviceId, set: { collector, components } });
 */
export async function saveBaseline(dir: string, baseline: Baseline): Promise<void> {
  await writeJson(join(dir, CLI_FILES.baseline), { format: FORMAT, ...baseline });
}

/**
 * @example
 * const baseline = await loadBaseline(dir); // undefined when never recorded (activated by the app itself)
 */
export async function loadBaseline(dir: string): Promise<Baseline | undefined> {
  const read = await readJson(join(dir, CLI_FILES.baseline));
  if (read.kind !== "value" || !isRecord(read.value) || read.value.format !== FORMAT) return undefined;
  const { recordedAt, deviceId, set, weights, threshold } = read.value;
  if (typeof recordedAt !== "string" || typeof deviceId !== "string" || !isRecord(set)) return undefined;
  if (
    typeof set.collector !== "string" ||
    !Array.isArray(set.components) ||
    !set.components.every(isComponent)
  ) {
    return undefined;
  }
  const weightsOk =
    isRecord(weights) && Object.values(weights).every((w) => typeof w === "number")
      ? (weights as Record<string, number>)
      : undefined;
  return {
    recordedAt,
    deviceId,
    set: { collector: set.collector, components: set.components },
    ...(weightsOk ? { weights: weightsOk } : {}),
    ...(typeof threshold === "number" ? { threshold } : {}),
  };
}

/**
 * @example
 * await removeBaseline(dir); // after uninstall-key or deactivate
 */
export const removeBaseline = (dir: string): Promise<void> => removeFile(join(dir, CLI_FILES.baseline));
