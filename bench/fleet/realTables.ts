import type { FleetResult } from "./results.js";
import { ci, pct, row, rule } from "./table.js";

const days = (x: number) => x.toFixed(1);

/** The OEM channel's board changes on the real server, and the model's at three warranty shares. */
function oemLine(o: NonNullable<NonNullable<FleetResult["real"]>[string]["oem"]>): string {
  const model = o.model
    .map(
      (m) =>
        `${pct(m.warranty_share)} under warranty: ${pct(m.warranty_repairs_per_device_year)} repairs, ${pct(m.rebinds_per_device_year)} rebinds, ${pct(m.new_licenses_per_device_year)} new licenses`,
    )
    .join("; ");
  return `oem: board changes refused (OEM_BOARD_CHANGED) ${pct(o.board_changes_per_device_year)} per device-year, ended by a warranty repair ${pct(o.warranty_repairs_per_device_year)}, a rebind of a board that only reads differently (the same route) ${pct(o.rebinds_per_device_year)}, a new license ${pct(o.new_licenses_per_device_year)} (${pct(o.warranty_share)} of board replacements under warranty); devices that cannot hold an OEM license (no readable board, BOUND_COMPONENT_MISSING) ${pct(o.stranded_share)}. The model on the same devices: ${model}.`;
}

/** The real server's tables: the sampled fleet per channel, the attacks, the sweep, the held-out check. */
export function realTables(result: FleetResult): string {
  const out: string[] = [];
  if (result.real) {
    out.push(
      row([
        "channel",
        "devices (population)",
        "requests",
        "false lock-out per device-year (95% CI)",
        "model on the same devices",
        "support cases per device-year (95% CI)",
        "self-service transfers",
        "re-activations by key",
      ]),
      rule(8),
    );
    for (const r of Object.values(result.real)) {
      out.push(
        row([
          r.channel,
          `${r.sample_devices} (${r.population_devices})`,
          String(r.requests),
          `${pct(r.false_lockout_rate)} (${ci(r.false_lockout_ci)})`,
          pct(r.model_false_lockout_rate),
          `${pct(r.support_cases_per_device_year)} (${ci(r.support_cases_ci)})`,
          pct(r.self_service_transfers_per_device_year),
          pct(r.reactivations_per_device_year),
        ]),
      );
    }
    for (const r of Object.values(result.real)) {
      const codes =
        Object.entries(r.lockout_codes)
          .map(([k, v]) => `${k} ${v}`)
          .join(", ") || "none";
      const events =
        Object.entries(r.lockouts_by_event)
          .map(([k, v]) => `${k} ${v}`)
          .join(", ") || "none";
      const odd =
        Object.entries(r.unexpected)
          .map(([k, v]) => `${k} ${v}`)
          .join(", ") || "none";
      out.push(
        "",
        `${r.channel}: lock-outs in the sample by change: ${events}; by code: ${codes}; unexpected answers: ${odd}; restores ${r.restores} (refused ${r.restore_refusals}).`,
      );
      if (r.oem) out.push("", oemLine(r.oem));
    }
  }
  if (result.attacks) {
    out.push(
      "",
      row([
        "capability",
        "rewritten client",
        "attacks",
        "share running",
        "machine-days median",
        "p95",
        "owner days lost",
        "owner refusals",
        "owner support cases",
        "codes the copy met",
      ]),
      rule(10),
    );
    for (const a of result.attacks) {
      const codes = Object.entries(a.codes)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ");
      out.push(
        row([
          a.capability,
          a.rewritten_client ? "yes" : "no",
          String(a.attacks),
          pct(a.share_running, 0),
          days(a.machine_days_median),
          days(a.machine_days_p95),
          days(a.owner_days_lost),
          a.owner_refusals.toFixed(1),
          a.owner_support_cases.toFixed(1),
          codes,
        ]),
      );
    }
  }
  if (result.sweep) {
    out.push(
      "",
      row([
        "parameter",
        "factor",
        "false lock-out (95% CI)",
        "false acceptance (95% CI)",
        "components alone",
        "helped alternatives better on both",
      ]),
      rule(6),
    );
    for (const s of result.sweep) {
      out.push(
        row([
          s.parameter,
          `×${s.factor}`,
          `${pct(s.false_lockout_rate)} (${ci(s.false_lockout_ci)})`,
          `${pct(s.false_acceptance_rate, 2)} (${ci(s.false_acceptance_ci, 2)})`,
          pct(s.component_acceptance_rate, 2),
          s.better_alternatives.join(", ") || "none",
        ]),
      );
    }
  }
  if (result.worst_case) {
    const w = result.worst_case;
    out.push(
      "",
      `Worst case over the sweep: false lock-outs ${pct(w.false_lockout_rate)} (${ci(w.false_lockout_ci)}) at ${w.false_lockout_at}; false acceptance ${pct(w.false_acceptance_rate, 2)} (${ci(w.false_acceptance_ci, 2)}) at ${w.false_acceptance_at}; by components alone ${pct(w.component_acceptance_rate, 2)} at ${w.component_acceptance_at}.`,
    );
  }
  if (result.held_out) {
    const h = result.held_out;
    out.push(
      "",
      `Held out: chosen on seeds ${h.tuning.seeds.join(", ")} (${h.tuning.devices} devices each) by ${h.rule}: weights "${h.chosen.weights}"${h.chosen.pairs && h.chosen.pairs !== "none" ? `, or ${h.chosen.pairs} matching` : ""}, threshold ${h.chosen.threshold}.`,
      "",
    );
    out.push(
      row([
        "held-out seed",
        "chosen: lock-out",
        "chosen: components alone",
        "shipped: lock-out",
        "shipped: components alone",
        "before (weighted alone, 0.45): lock-out",
        "before: components alone",
      ]),
      rule(7),
    );
    h.chosen_on_held_out.forEach((c, i) => {
      const s = h.shipped_on_held_out[i];
      const b = h.before_on_held_out?.[i];
      out.push(
        row([
          String(c.seed),
          `${pct(c.false_lockout_rate)} (${ci(c.false_lockout_ci)})`,
          pct(c.component_acceptance_rate, 2),
          s ? `${pct(s.false_lockout_rate)} (${ci(s.false_lockout_ci)})` : "",
          s ? pct(s.component_acceptance_rate, 2) : "",
          b ? `${pct(b.false_lockout_rate)} (${ci(b.false_lockout_ci)})` : "",
          b ? pct(b.component_acceptance_rate, 2) : "",
        ]),
      );
    });
  }
  if (result.scale) {
    const s = result.scale;
    out.push(
      "",
      `Scale: ${s.devices.toLocaleString("en")} devices × ${result.years} years in ${s.wall_seconds.toFixed(0)} s wall (${s.cpu_seconds.toFixed(0)} s CPU, ${s.workers} workers, load average ${s.load_average_before.toFixed(1)} before the run), peak memory ${s.peak_rss_mb.toFixed(0)} MB.`,
    );
  }
  return out.join("\n");
}
