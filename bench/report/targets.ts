import type { Run } from "../http/drive.js";
import type { SuiteFigures } from "../suite/figures.js";
import { n, table } from "./markdown.js";
import { ratio } from "./results.js";

interface Target {
  readonly what: string;
  readonly target: string;
  readonly measured: string;
  /** undefined: not measured in this run. */
  readonly met: boolean | undefined;
  /** The raw and the floor-normalised figures disagree: the machine's load moved between them. */
  readonly unclear?: boolean;
}

const share = (what: string, run: Run | undefined, floor: Run, wanted: number): Target => {
  const value = run ? ratio(run.rps, floor.rps) : undefined;
  return {
    what,
    target: `≥ ${wanted.toFixed(2)}`,
    measured: value === undefined ? "not measured" : value.toFixed(3),
    met: value === undefined ? undefined : value >= wanted,
  };
};

const p99 = (what: string, run: Run | undefined, wanted: number): Target => ({
  what,
  target: `≤ ${wanted} ms`,
  measured: run ? `${run.p99} ms` : "not measured",
  met: run ? run.p99 <= wanted : undefined,
});

/** Issue 11's targets (and the SDK's, issue 3) against this run's figures. */
export function targetsTable(f: SuiteFigures): string {
  const node = f.floors.node;
  const s = f.sqlite;
  const c = f.connections;
  const pg1 = f.pg.find((r) => r.workers === 1)?.figures;
  const pg2 = f.pg.find((r) => r.workers === 2)?.figures;
  const [first, last] = f.scale.points;
  const scaleShare = ratio(last?.validate.rps ?? 0, first?.validate.rps ?? 0);
  const scaleShareOfFloor = ratio(
    ratio(last?.validate.rps ?? 0, last?.floor.rps ?? 0),
    ratio(first?.validate.rps ?? 0, first?.floor.rps ?? 0),
  );
  const k = f.scale.keygen;
  const pgShare = pg1 ? ratio(pg1.lease.rps, s.lease.rps) : undefined;
  const workersShare = pg1 && pg2 ? ratio(pg2.lease.rps, pg1.lease.rps) : undefined;
  const targets: Target[] = [
    share("validate by lease vs node:http floor (SQLite)", s.lease, node, 0.4),
    p99(`validate by lease p99 at ${c} connections`, s.lease, 15),
    share("validate by key vs node:http floor (SQLite)", s.key, node, 0.4),
    p99(`validate by key p99 at ${c} connections`, s.key, 15),
    share("mixed run vs node:http floor (SQLite)", s.mixed, node, 0.35),
    {
      what: "activations per second (durable, SQLite)",
      target: "≥ 3,000",
      measured: n(s.activate.rps),
      met: s.activate.rps >= 3000,
    },
    {
      what: "PostgreSQL validate, 1 process, vs SQLite",
      target: "≥ 0.50",
      measured: pgShare === undefined ? "not measured" : pgShare.toFixed(3),
      met: pgShare === undefined ? undefined : pgShare >= 0.5,
    },
    {
      what: "PostgreSQL validate, 2 workers vs 1 process",
      target: "≥ 1.00",
      measured: workersShare === undefined ? "not measured" : workersShare.toFixed(3),
      met: workersShare === undefined ? undefined : workersShare >= 1,
    },
    {
      what: `validate at ${n(last?.licenses ?? 0)} vs ${n(first?.licenses ?? 0)} licenses (each against its step's app floor)`,
      target: "≥ 0.85",
      measured: `${scaleShare.toFixed(3)} (${scaleShareOfFloor.toFixed(3)})`,
      met: scaleShare >= 0.85 && scaleShareOfFloor >= 0.85,
      unclear: scaleShare >= 0.85 !== scaleShareOfFloor >= 0.85,
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
  const verdict = (t: Target) =>
    t.met === undefined ? "not measured" : t.unclear ? "unclear" : t.met ? "yes" : "**no**";
  return table(
    ["target", "wanted", "this run", "met"],
    targets.map((t) => [t.what, t.target, t.measured, verdict(t)]),
  );
}
