import { adversarialEvents, legitEvents } from "./events.js";
import type { AdversarialResult, LegitResult } from "./report.js";
import type { FleetResult } from "./results.js";
import type { Interval } from "./stats.js";

export const pct = (x: number, digits = 3): string => `${(x * 100).toFixed(digits)}%`;
export const ci = (i: Interval, digits = 3): string => `${pct(i.low, digits)}–${pct(i.high, digits)}`;

/** Short column names for the wide per-event tables. */
const shortName = (name: string): string =>
  name
    .replace(/ \+ rolling baseline, migration, lineage$/, "")
    .replace(/, bare$/, "")
    .replace(/^ninsho \(weighted, threshold ([\d.]+)\)$/, "Ninsho $1")
    .replace("one hash (all components)", "one hash")
    .replace("keygen MATCH_", "")
    .replace("windows-xp (7 of 12 votes, 4 docked)", "XP")
    .replace("two unit-level ids match", "2 unit ids");

export const row = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;
export const rule = (n: number): string => row(Array.from({ length: n }, () => "---"));

function byEvent<T>(r: FleetResult["rules"][number], event: string): T | undefined {
  return r.by_event[event] as T | undefined;
}

/** The model's tables, as Markdown: every rule helped and bare, per event, per attack, Ninsho's curve. */
export function tables(result: FleetResult): string {
  const out: string[] = [];
  out.push(
    row([
      "rule",
      "false lock-out per device-year (95% CI)",
      "false acceptance per attempt (95% CI)",
      "by components alone",
    ]),
    rule(4),
  );
  for (const r of result.rules) {
    out.push(
      row([
        r.name,
        `${pct(r.false_lockout_rate)} (${ci(r.false_lockout_ci)})`,
        `${pct(r.false_acceptance_rate, 2)} (${ci(r.false_acceptance_ci, 2)})`,
        pct(r.component_acceptance_rate, 2),
      ]),
    );
  }
  const helped = result.rules.filter((r) => r.helped);
  out.push(
    "",
    "False lock-outs by event, per device-year, every rule with the same helpers (they add up to the totals):",
    "",
  );
  out.push(
    row(["event", "per device-year", ...helped.map((r) => shortName(r.name))]),
    rule(helped.length + 2),
  );
  for (const e of legitEvents) {
    const cells = helped.map((r) => pct(byEvent<LegitResult>(r, e)?.false_lockout_rate ?? 0));
    out.push(row([e, (result.events[e]?.per_device_year ?? 0).toFixed(3), ...cells]));
  }
  out.push(
    "",
    "Acceptance by attack, per attempt, by components alone (with the lease lineage every row is the lineage's):",
    "",
  );
  out.push(row(["attack", "attempts", ...helped.map((r) => shortName(r.name))]), rule(helped.length + 2));
  for (const e of adversarialEvents) {
    const cells = helped.map((r) => {
      const a = byEvent<AdversarialResult>(r, e);
      return a?.component_only_acceptance_rate === undefined ? "" : pct(a.component_only_acceptance_rate, 1);
    });
    out.push(row([e, String(result.attempts[e] ?? 0), ...cells]));
  }
  out.push("", "Ninsho's threshold curve (helped; two unit-level ids recognise at every threshold):", "");
  out.push(row(["threshold", "false lock-out", "false acceptance", "components alone"]), rule(4));
  for (const p of result.ninsho_curve.filter(
    (p) => Math.round(p.threshold * 1000) % 50 === 0 || p.threshold === result.matcher.default_threshold,
  )) {
    out.push(
      row([
        String(p.threshold),
        pct(p.false_lockout_rate),
        pct(p.false_acceptance_rate, 2),
        pct(p.component_only_false_acceptance_rate, 2),
      ]),
    );
  }
  return out.join("\n");
}

/** The lines under the tables: lineage detection and the restore hazard. */
export function notes(result: FleetResult): string {
  const f = result.fork_detection;
  const h = result.lineage_hazard;
  return [
    `Lease lineage (model): ${f.detected} of ${f.attempts} second machines seen as forks within ${f.window_days} days (median ${f.median_days.toFixed(1)} days, 95th percentile ${f.p95_days.toFixed(1)}).`,
    `Not in the totals: ${h.restores} restores of an earlier machine state, ${h.forked} of them answered "forked": ${pct(h.forced_reactivations_per_device_year)} forced reactivations per device-year.`,
  ].join("\n");
}
