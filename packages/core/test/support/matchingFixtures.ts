import {
  type Component,
  type ComponentSet,
  DEFAULT_MATCH_THRESHOLD,
  defaultComponentWeights,
} from "@ninsho/core";

/** The default weights and threshold the matching tests judge by. */
export const W = defaultComponentWeights;
export const T = DEFAULT_MATCH_THRESHOLD;
export const TOTAL = Object.values(W).reduce((a, b) => a + b, 0);
/** Weight of the default kinds named. */
export const w = (...kinds: string[]): number => kinds.reduce((sum, kind) => sum + (W[kind] ?? 0), 0);

/** One component. */
export const c = (kind: string, digest: string): Component => ({ kind, digest });
/** A component set as a collector sends it. */
export const set = (components: readonly Component[], collector = "linux/2"): ComponentSet => ({
  collector,
  components: [...components],
});

/** A desktop with two NICs, as stored at activation. */
export const desktop: readonly Component[] = [
  c("board", "b0a4d1"),
  c("disk", "d15c01"),
  c("mac", "aa0001"),
  c("mac", "aa0002"),
  c("os-install", "05e001"),
  c("cpu", "c9a001"),
  c("gpu", "69a001"),
  c("ram", "4a0016"),
];
