import type { SuiteFigures } from "../suite/figures.js";
import { n, table } from "./markdown.js";
import { ratio } from "./results.js";

interface Target {
  readonly what: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
  /** The raw and the floor-normalised figures disagree: the machine's load moved between them. */
  readonly unclear?: boolean;
}

/** The issues' targets (issue 2's speed, issue 3's SDK) against this run's figures. */
export function targetsTable(f: SuiteFigures): string {
  const points = f.scale.points;
  const first = points[0];
  const last = points[points.length - 1];
  const validateShare = ratio(f.sqlite.validate.rps, f.sqlite.floor.rps);
  const scaleShare = ratio(last?.validate.rps ?? 0, first?.validate.rps ?? 0);
  const scaleShareOfFloor = ratio(
    ratio(last?.validate.rps ?? 0, last?.floor.rps ?? 0),
    ratio(first?.validate.rps ?? 0, first?.floor.rps ?? 0),
  );
  const k = f.scale.keygen;
  const targets: Target[] = [
    {
      what: "validate vs floor (SQLite)",
      target: "≥ 0.35",
      measured: validateShare.toFixed(3),
      met: validateShare >= 0.35,
    },
    {
      what: `validate p99 at ${f.connections} connections`,
      target: "≤ 15 ms",
      measured: `${f.sqlite.validate.p99} ms`,
      met: f.sqlite.validate.p99 <= 15,
    },
    {
      what: "activations per second (durable)",
      target: "≥ 3,000",
      measured: n(f.sqlite.activate.rps),
      met: f.sqlite.activate.rps >= 3000,
    },
    {
      what: `${n(k.keys)} keys generated and stored`,
      target: "≤ 60 s",
      measured: `${k.seconds} s`,
      met: k.seconds <= 60,
    },
    {
      what: "peak memory of key generation",
      target: "≤ 400 MB",
      measured: `${k.peakMb} MB`,
      met: k.peakMb <= 400,
    },
    {
      what: `validate at ${n(last?.licenses ?? 0)} vs ${n(first?.licenses ?? 0)} licenses (each against its step's floor)`,
      target: "≥ 0.85",
      measured: `${scaleShare.toFixed(3)} (${scaleShareOfFloor.toFixed(3)})`,
      met: scaleShare >= 0.85 && scaleShareOfFloor >= 0.85,
      unclear: scaleShare >= 0.85 !== scaleShareOfFloor >= 0.85,
    },
    {
      what: "SDK validate() vs raw verify",
      target: "≥ 0.70",
      measured: f.sdk.ratio.toFixed(3),
      met: f.sdk.ratio >= 0.7,
    },
    {
      what: "SDK cold start (median)",
      target: "≤ 15 ms",
      measured: `${f.sdk.coldStartMedianMs} ms`,
      met: f.sdk.coldStartMedianMs <= 15,
    },
  ];
  return table(
    ["target", "wanted", "this run", "met"],
    targets.map((t) => [t.what, t.target, t.measured, t.unclear ? "unclear" : t.met ? "yes" : "**no**"]),
  );
}
