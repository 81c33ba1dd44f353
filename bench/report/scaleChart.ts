import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { ScalePoint } from "../scale/scale.js";

/**
 * Validate throughput (left axis) and p99 latency (right axis) against the licenses in the database, on a
 * log scale of license counts: one SVG, as bench/fleet.svg is made.
 */
export async function scaleChartSvg(points: readonly ScalePoint[], subtitle: string): Promise<string> {
  const values = points.map((p) => ({ licenses: p.licenses, rps: p.validate.rps, p99: p.validate.p99 }));
  const x = {
    field: "licenses",
    type: "quantitative" as const,
    title: "licenses in the database (log scale)",
    scale: { type: "log" as const },
    axis: { values: values.map((v) => v.licenses), format: "~s" },
  };
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: "POST /v1/validate as the database grows (SQLite, 1 process)", subtitle },
    width: 560,
    height: 320,
    data: { values },
    layer: [
      {
        mark: { type: "line", point: true, color: "#1f77b4" },
        encoding: {
          x,
          y: {
            field: "rps",
            type: "quantitative",
            title: "requests/s",
            scale: { zero: true },
            axis: { titleColor: "#1f77b4" },
          },
        },
      },
      {
        mark: { type: "line", point: { shape: "square" }, color: "#d62728", strokeDash: [5, 3] },
        encoding: {
          x,
          y: {
            field: "p99",
            type: "quantitative",
            title: "p99 latency, ms",
            scale: { zero: true },
            axis: { titleColor: "#d62728", orient: "right" },
          },
        },
      },
    ],
    resolve: { scale: { y: "independent" } },
  };
  const view = new View(parse(compile(spec).spec), { renderer: "none" });
  return view.toSVG();
}
