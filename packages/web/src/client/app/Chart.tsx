import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import { useSpeech } from "./i18n.js";

export interface ChartSeries {
  readonly label: string;
  readonly values: readonly number[];
  /** A CSS colour that reads on light and dark backgrounds alike. */
  readonly color: string;
}

interface ChartProps {
  readonly id: string;
  readonly title: string;
  /** What each x value is called in the table (a day, a code, a number of devices). */
  readonly xLabel: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** Lines over days, or bars over categories. */
  readonly kind: "lines" | "bars";
  readonly hint?: string;
}

const HEIGHT = 220;
const WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 100_000, 1_000_000];

/**
 * A chart drawn by uPlot (canvas, small and fast), with its numbers in a table under it: the canvas is for eyes,
 * the table for screen readers, keyboards and tests, and both come from the same series.
 * @example
 * <Chart id="per-day" title="Activations" kind="lines" xLabel="Day" categories={days} series={[…]} />
 */
export function Chart({ id, title, xLabel, categories, series, kind, hint }: ChartProps) {
  const { words, number } = useSpeech();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = box.current;
    if (!target || categories.length === 0) return;
    const xs = categories.map((_, i) => i);
    const bars = kind === "bars" ? uPlot.paths.bars?.({ size: [0.6, 48], align: 0 }) : undefined;
    const ink = getComputedStyle(document.body).color;
    const plot = new uPlot(
      {
        width: Math.max(280, target.clientWidth),
        height: HEIGHT,
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: { time: false, ...(kind === "bars" ? { range: [-0.5, categories.length - 0.5] } : {}) },
        },
        axes: [
          {
            stroke: ink,
            // Room for a label per tick, so days and codes never print over each other.
            space: kind === "lines" ? 70 : 40,
            incrs: WHOLE_STEPS,
            values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? (categories[t] ?? "") : "")),
          },
          // Counts: whole steps only.
          { stroke: ink, incrs: WHOLE_STEPS },
        ],
        series: [
          { label: xLabel, value: (_u, v) => (v === null ? "" : (categories[v] ?? "")) },
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            ...(kind === "bars" ? { fill: s.color } : {}),
            width: 2,
            ...(bars === undefined ? {} : { paths: bars }),
          })),
        ],
      },
      [xs, ...series.map((s) => [...s.values])],
      target,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(280, target.clientWidth), height: HEIGHT }),
    );
    resize.observe(target);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [categories, series, kind]);

  return (
    <figure class="chart" id={id} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {hint !== undefined && <p class="hint">{hint}</p>}
      {categories.length === 0 ? (
        <p>{words.dashboard.empty}</p>
      ) : (
        <div ref={box} class="chart-canvas" aria-hidden="true" />
      )}
      <details>
        <summary>{words.dashboard.table}</summary>
        <table id={`${id}-table`}>
          <thead>
            <tr>
              <th scope="col">{xLabel}</th>
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, i) => (
              <tr key={category}>
                <th scope="row">{category}</th>
                {series.map((s) => (
                  <td key={s.label}>{number(s.values[i] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
