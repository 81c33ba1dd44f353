import { adversarialEvents, legitEvents } from "./events.js";
import type { AdversarialResult, LegitResult } from "./report.js";
import type { FleetResult } from "./results.js";

const pct = (x: number, digits = 3): string => `${(x * 100).toFixed(digits)}%`;

/** Short column names for the wide per-event tables. */
const shortName = (name: string): string =>
  name
    .replace(/^ninsho.*threshold ([\d.]+)\)$/, "Ninsho $1")
    .replace("one hash (all components)", "one hash")
    .replace("keygen MATCH_", "")
    .replace("windows-xp (>3 of 10 changed)", "XP");

const row = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;
const rule = (n: number): string => row(Array.from({ length: n }, () => "---"));

function byEvent<T>(r: FleetResult["rules"][number], event: string): T | undefined {
  return r.by_event[event] as T | undefined;
}

/** The tables `npm run fleet` prints and writes into bench/FLEET.md, as Markdown. */
export function tables(result: FleetResult): string {
  const rules = result.rules;
  const out: string[] = [];
  out.push(row(["rule", "false lock-out (per device-year)", "false acceptance (per attempt)"]), rule(3));
  for (const r of rules) out.push(row([r.name, pct(r.false_lockout_rate), pct(r.false_acceptance_rate, 2)]));

  out.push(
    "",
    "False lock-outs by event, per device-year of the whole fleet (they add up to the total):",
    "",
  );
  out.push(row(["event", "per device-year", ...rules.map((r) => shortName(r.name))]), rule(rules.length + 2));
  for (const e of legitEvents) {
    const cells = rules.map((r) => pct(byEvent<LegitResult>(r, e)?.false_lockout_rate ?? 0));
    out.push(row([e, (result.events[e]?.per_device_year ?? 0).toFixed(3), ...cells]));
  }

  out.push(
    "",
    "False acceptance by attack, per attempt (Ninsho: with lease lineage / components alone):",
    "",
  );
  out.push(row(["attack", "attempts", ...rules.map((r) => shortName(r.name))]), rule(rules.length + 2));
  for (const e of adversarialEvents) {
    const cells = rules.map((r) => {
      const a = byEvent<AdversarialResult>(r, e);
      if (!a) return "";
      const only = a.component_only_acceptance_rate;
      return only === undefined
        ? pct(a.false_acceptance_rate, 1)
        : `${pct(a.false_acceptance_rate, 1)} / ${pct(only, 1)}`;
    });
    out.push(row([e, String(result.attempts[e] ?? 0), ...cells]));
  }

  out.push("", "Ninsho's threshold sweep:", "");
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
    `Lease lineage: ${f.detected} of ${f.attempts} second machines seen as forks within ${f.window_days} days (median ${f.median_days.toFixed(1)} days, 95th percentile ${f.p95_days.toFixed(1)}).`,
    `Not in the totals: ${h.restores} restores of an earlier machine state, ${h.forked} of them answered "forked": ${pct(h.forced_reactivations_per_device_year)} forced reactivations per device-year for Ninsho only.`,
  ].join("\n");
}
