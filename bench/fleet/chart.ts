import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { FleetResult } from "./results.js";

const percent = (x: number): number => Number((x * 100).toFixed(4));

/**
 * The trade-off as an SVG: Ninsho's threshold curve (acceptance by components alone, since with the lease lineage
 * every rule's acceptance is the lineage's), every rule with the same helpers as a labelled point, and Ninsho's
 * default across the parameter sweep as a cloud.
 * Lock-out rates span five orders of magnitude (docks lock a
 * one-hash rule out every week), so that axis is symmetric-log, which also shows zero.
 */
export async function chartSvg(result: FleetResult): Promise<string> {
  const curve = result.ninsho_curve.map((p) => ({
    lockout: percent(p.false_lockout_rate),
    acceptance: percent(p.component_only_false_acceptance_rate),
    series: "Ninsho threshold curve (helped)",
    threshold: p.threshold,
  }));
  // Every rule with the same helpers; acceptance by components alone (the lineage makes every row's the same).
  const points = result.rules
    .filter((rule) => rule.helped)
    .map((rule) => ({
      name: rule.name.replace(" + rolling baseline, migration, lineage", ""),
      kind: rule.name.startsWith("ninsho") ? "Ninsho default" : "alternative",
      above: true,
      lockout: percent(rule.false_lockout_rate),
      acceptance: percent(rule.component_acceptance_rate),
    }));
  const sweepPoints = (result.sweep ?? []).map((s) => ({
    lockout: percent(s.false_lockout_rate),
    acceptance: percent(s.component_acceptance_rate),
    series: "Ninsho default across the parameter sweep",
    threshold: 0,
  }));
  // Points at nearly the same height would print their labels over each other: put the second one below.
  const byHeight = [...points].sort((a, b) => a.acceptance - b.acceptance);
  byHeight.forEach((p, i) => {
    const prev = byHeight[i - 1];
    if (prev?.above && p.acceptance - prev.acceptance < 4) prev.above = false;
  });
  const maxLockout = Math.max(
    ...points.map((p) => p.lockout),
    ...curve.map((p) => p.lockout),
    ...sweepPoints.map((p) => p.lockout),
  );
  const ticks = [0, 0.01, 0.1, 1, 10, 100, 1000, 10000].filter((v) => v <= maxLockout * 1.5);
  const x = {
    field: "lockout",
    type: "quantitative" as const,
    title: "false lock-outs, % of device-years (symlog)",
    scale: { type: "symlog" as const, constant: 0.01, domain: [0, maxLockout * 1.5] },
    axis: { values: ticks, format: "~r" },
  };
  const y = {
    field: "acceptance",
    type: "quantitative" as const,
    title: "acceptance by components alone, % of attempts",
    scale: { domain: [0, 100] },
  };
  // One legend for colour and dash: Vega-Lite merges them when their settings agree.
  const legend = { orient: "top-left" as const, labelLimit: 400 };
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: `Fleet simulator: ${result.devices.toLocaleString("en")} devices, ${result.years} years, seed ${result.seed}`,
    width: 640,
    height: 420,
    layer: [
      // The targets: both rates at most 0.5%.
      {
        data: { values: [{ lockout: 0.5, acceptance: 0.5 }] },
        mark: { type: "rule", strokeDash: [2, 3], color: "#888" },
        encoding: { x },
      },
      {
        data: { values: [{ lockout: 0.5, acceptance: 0.5 }] },
        mark: { type: "rule", strokeDash: [2, 3], color: "#888" },
        encoding: { y },
      },
      {
        data: { values: curve },
        mark: { type: "line", point: true, interpolate: "linear" },
        encoding: {
          x,
          y,
          order: { field: "threshold" },
          color: { field: "series", type: "nominal", title: null, legend },
          strokeDash: { field: "series", type: "nominal", title: null, legend },
        },
      },
      {
        data: { values: sweepPoints },
        mark: { type: "point", size: 30, color: "#2ca02c", opacity: 0.6 },
        encoding: { x, y },
      },
      {
        data: { values: points },
        mark: { type: "point", filled: true, size: 90, shape: "diamond" },
        encoding: { x, y, color: { value: "#d62728" } },
      },
      ...[true, false].map((above) => ({
        data: { values: points },
        transform: [{ filter: `datum.above === ${above}` }],
        mark: { type: "text" as const, align: "left" as const, dx: 7, dy: above ? -8 : 12, fontSize: 10 },
        encoding: { x, y, text: { field: "name" } },
      })),
    ],
  };
  const view = new View(parse(compile(spec).spec), { renderer: "none" });
  return view.toSVG();
}
