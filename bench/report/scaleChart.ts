import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { ScalePoint } from "../scale/scale.js";

/**
 * Validate throughput with the floor route measured beside it (left axis) and validate's p99 latency (right
 * axis) against the licenses in the database, on a log scale of license counts: one SVG, made as
 * bench/fleet.svg is.
 */
export async function scaleChartSvg(points: readonly ScalePoint[], subtitle: string): Promise<string> {
  const values = points.flatMap((p) => [
    { licenses: p.licenses, series: "validate requests/s", rps: p.validate.rps, p99: p.validate.p99 },
    { licenses: p.licenses, series: "floor requests/s (same step)", rps: p.floor.rps, p99: null },
  ]);
  const x = {
    field: "licenses",
    type: "quantitative" as const,
    title: "licenses in the database (log scale)",
    scale: { type: "log" as const },
    axis: { values: points.map((p) => p.licenses), format: "~s" },
  };
  // One legend for colour and dash: Vega-Lite merges them when their settings agree.
  const legend = { orient: "bottom-left" as const, labelLimit: 300 };
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: "POST /v1/validate as the database grows (SQLite, 1 process)", subtitle },
    width: 560,
    height: 320,
    data: { values },
    layer: [
      {
        mark: { type: "line", point: true },
        encoding: {
          x,
          y: { field: "rps", type: "quantitative", title: "requests/s", scale: { zero: true } },
          color: {
            field: "series",
            type: "nominal",
            title: null,
            scale: { range: ["#999999", "#1f77b4"] },
            legend,
          },
          strokeDash: {
            field: "series",
            type: "nominal",
            title: null,
            scale: {
              range: [
                [2, 2],
                [1, 0],
              ],
            },
            legend,
          },
        },
      },
      {
        transform: [{ filter: "datum.p99 !== null" }],
        mark: {
          type: "line",
          point: { shape: "square", color: "#d62728" },
          color: "#d62728",
          strokeDash: [6, 3],
        },
        encoding: {
          x,
          y: {
            field: "p99",
            type: "quantitative",
            title: "validate p99 latency, ms (red, dashed)",
            scale: { zero: true },
            axis: { titleColor: "#d62728", orient: "right" },
          },
        },
      },
    ],
    resolve: { scale: { y: "independent", color: "independent", strokeDash: "independent" } },
  };
  const view = new View(parse(compile(spec).spec), { renderer: "none" });
  return view.toSVG();
}
