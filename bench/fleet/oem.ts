import type { ComponentSet } from "@ninsho/core";
import { fingerprintOf } from "./collector.js";
import { type Environment, observe } from "./device.js";
import { predecessor } from "./migration.js";
import type { DevicePlan } from "./plan.js";
import { Rng } from "./prng.js";
import { ninshoJudge, type View } from "./rules.js";
import { deviceLife } from "./timeline.js";

/**
 * Share of board replacements on an OEM machine that are warranty repairs (support records the repair and the
 * license moves to the new board once); the rest (out of warranty, a third-party shop) end in a new license.
 * Judgement, not data: most board repairs in a three-year life fall in the maker's warranty. Swept ×0.5 and ×2
 * on the model (it changes who pays, not whether the user is locked out).
 */
export const OEM_WARRANTY_SHARE = 0.7;

/** Warranty draws come from a stream of their own, so both engines see the same repairs for a device. */
const WARRANTY_STREAM = 0x5eed0e11;
export const warrantyDraws = (seed: number, index: number): Rng =>
  new Rng(seed ^ WARRANTY_STREAM, 1000 + index);

/** What support does when an OEM device presents another board (OEM_BOARD_CHANGED). */
export type BoardResolution = "warranty-repair" | "new-license" | "rebind";

/**
 * The server's OEM rule (`judgeBinding` in core) binds to the board digests of the current set, and follows
 * them through a collector release (the predecessor's set, sent as `previous`, holds the bound board). A board
 * physically replaced is a warranty repair (`share`) or a new license; a board that only reads differently with
 * no `previous` to carry it (an OS update, a BIOS flash rewriting the serial, a VM moved) is the same machine,
 * and support's one tool to move the binding is the warranty-repair route: a rebind, counted apart.
 */
export function boardResolution(event: string | undefined, warranty: Rng, share: number): BoardResolution {
  if (event !== "motherboard-replaced") return "rebind";
  return warranty.chance(Math.min(1, share)) ? "warranty-repair" : "new-license";
}

/** The board digests a set presents (none when the board cannot be read: no root, a placeholder serial). */
export const boardOf = (set: ComponentSet): string[] =>
  set.components.filter((c) => c.kind === "board").map((c) => c.digest);

/** Ninsho's helped verdict, as its row in the model takes it (current set, else the trusted predecessor's). */
function sameDevice(stored: View["components"], current: View, previous: View | undefined, env: Environment) {
  const judge = (v: View) => ninshoJudge(stored, v, env.weights, env.threshold).sameDevice;
  return judge(current) || (previous !== undefined && judge(previous));
}

/** What the server's OEM rule does to one device over its life, as the model sees it. */
export interface OemModelCounts {
  /** Refreshes refused: Ninsho's match below the threshold, the bound board not presented, or no board read. */
  lockouts: number;
  boardChanged: number;
  warrantyRepairs: number;
  rebinds: number;
  newLicenses: number;
  /** The machine has no readable board: an OEM license cannot bind (BOUND_COMPONENT_MISSING). */
  stranded: boolean;
}

/**
 * The model of an OEM device: the same walk as `simulateDevice`'s Ninsho row (helped score, rolling baseline),
 * plus the board binding as the server judges it; a replacement machine comes with its own license.
 */
export function oemModel(
  seed: number,
  index: number,
  plan: DevicePlan,
  env: Environment,
  share = OEM_WARRANTY_SHARE,
): OemModelCounts {
  const counts: OemModelCounts = {
    lockouts: 0,
    boardChanged: 0,
    warrantyRepairs: 0,
    rebinds: 0,
    newLicenses: 0,
    stranded: false,
  };
  const life = deviceLife(seed, index, plan, env);
  const warranty = warrantyDraws(seed, index);
  let bound = new Set(boardOf(fingerprintOf(life.first)));
  if (bound.size === 0) return { ...counts, stranded: true };
  const first = observe(life.first).current;
  let stored = first.components;
  let storedCollector = first.collector;
  let lastSeen = 0;
  for (const step of life.steps) {
    if (step.kind !== "refresh") continue;
    const at = { day: step.day, lastSeen };
    lastSeen = step.day;
    if (step.event === undefined) continue;
    const o = observe(step.machine);
    // The predecessor's set speaks (for the match and for the bound board) only as the server trusts it.
    const previous = predecessor(storedCollector, o, at);
    const board = boardOf(o.current.set);
    if (board.length === 0) {
      // The board no longer reads (a flash rewrote its serial to a placeholder): the server refuses the refresh
      // (BOUND_COMPONENT_MISSING), a lock-out, and the machine can hold no OEM license. A replacement machine
      // without one is refused at its first activation instead: not a lock-out, as at the start.
      if (step.event !== "machine-replaced") counts.lockouts++;
      return { ...counts, stranded: true };
    }
    const matched = sameDevice(stored, o.current, previous, env);
    stored = o.current.components;
    storedCollector = o.current.collector;
    if (step.event === "machine-replaced") {
      bound = new Set(board);
      continue;
    }
    const before = previous ? boardOf(previous.set) : [];
    const migrated = before.some((d) => bound.has(d));
    if (migrated) bound = new Set(board);
    const presented = migrated || board.some((d) => bound.has(d));
    if (matched && presented) continue;
    counts.lockouts++;
    if (presented) continue;
    counts.boardChanged++;
    const how = boardResolution(step.event, warranty, share);
    if (how === "warranty-repair") counts.warrantyRepairs++;
    else if (how === "rebind") counts.rebinds++;
    else counts.newLicenses++;
    bound = new Set(board);
  }
  return counts;
}
