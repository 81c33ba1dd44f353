import { mbPerMillion } from "../http/dbsize.js";
import type { Run } from "../http/drive.js";
import type { BackendFigures, SuiteFigures } from "../suite/figures.js";
import { n, table } from "./markdown.js";
import { ratio } from "./results.js";

const ROUTES = [
  ["floor", "floor (parse JSON, answer)"],
  ["validate", "POST /v1/validate"],
  ["activate", "POST /v1/activations (durable)"],
  ["deactivate", "POST /v1/deactivations (by lease)"],
] as const;

const cells = (r: Run, floor: Run) => [n(r.rps), r.p50, r.p99, ratio(r.rps, floor.rps).toFixed(3)];

/** SQLite, one process: each route, and its ratio to the floor. */
export function sqliteTable(f: BackendFigures): string {
  return table(
    ["run (SQLite, 1 process)", "requests/s", "p50 ms", "p99 ms", "vs floor"],
    ROUTES.map(([route, name]) => [name, ...cells(f[route], f.floor)]),
  );
}

/** PostgreSQL with each worker count: each route, its ratio to that server's floor and to SQLite's figure. */
export function pgTable(f: SuiteFigures): string {
  if (f.pg.length === 0) return `PostgreSQL was not measured: ${f.pgSkipped ?? "no runs"}.`;
  const rows = ROUTES.flatMap(([route, name]) =>
    f.pg.map(({ workers, figures }) => [
      `${name}, ${workers === 1 ? "1 process" : `${workers} worker processes`}`,
      ...cells(figures[route], figures.floor),
      ratio(figures[route].rps, f.sqlite[route].rps).toFixed(3),
    ]),
  );
  return table(["run (PostgreSQL)", "requests/s", "p50 ms", "p99 ms", "vs its floor", "vs SQLite"], rows);
}

export function offlineTable(f: SuiteFigures): string {
  const c = f.confirmations;
  return table(
    ["offline check (in one process, no server)", "figure"],
    [
      ["raw `crypto.verify` of a lease (Ed25519)", `${n(f.sdk.rawPerSecond)} /s`],
      ["SDK `validate()` of the same lease", `${n(f.sdk.sdkPerSecond)} /s`],
      ["SDK `validate()` vs raw verify", f.sdk.ratio.toFixed(3)],
      ["SDK cold start to a verdict (median)", `${f.sdk.coldStartMedianMs} ms`],
      [`confirmation ID verification (median of ${c.count})`, `${n(c.verifyMedianUs)} µs`],
      [`confirmation ID verification (90th percentile)`, `${n(c.verifyP90Us)} µs`],
      ["confirmation ID issue, server side (median)", `${n(c.issueMedianUs)} µs`],
    ],
  );
}

export function scaleTable(f: SuiteFigures): string {
  const first = f.scale.points[0];
  return table(
    [
      "licenses in the database",
      "validate requests/s",
      "p50 ms",
      "p99 ms",
      "vs first",
      "floor requests/s",
      "validate vs floor",
      "SQLite MB",
    ],
    f.scale.points.map((p) => [
      n(p.licenses),
      n(p.validate.rps),
      p.validate.p50,
      p.validate.p99,
      ratio(p.validate.rps, first?.validate.rps ?? 0).toFixed(3),
      n(p.floor.rps),
      ratio(p.validate.rps, p.floor.rps).toFixed(3),
      n(p.bytes / 1e6, 1),
    ]),
  );
}

export function keygenLine(f: SuiteFigures): string {
  const k = f.scale.keygen;
  const batches = k.batches
    .map((b) => `${n(b.keys)} in ${b.seconds} s, ${b.startMb} → ${b.peakMb} MB`)
    .join("; ");
  return `Key generation: ${n(k.keys)} keys generated, stored and streamed as CSV in ${k.seconds} s in all, in three batches, each in a server process started afresh on the growing database (${batches}: the server's resident memory as the batch began → its peak, VmHWM). Peak server memory: ${k.peakMb} MB.`;
}

export function sizeTable(f: SuiteFigures): string {
  const points = f.scale.points;
  const first = points[0];
  const last = points[points.length - 1];
  const licenses = first && last ? mbPerMillion(last.bytes - first.bytes, last.licenses - first.licenses) : 0;
  const pg1 = f.pg.find((r) => r.workers === 1)?.figures;
  const mb = (g: { rows: number; bytes: number } | undefined) =>
    g ? `${n(mbPerMillion(g.bytes, g.rows), 1)} (from ${n(g.rows)})` : "not measured";
  return table(
    ["store", "MB per million licenses", "MB per million devices"],
    [
      [
        "SQLite (file + WAL after a checkpoint)",
        `${n(licenses, 1)} (from ${n((last?.licenses ?? 0) - (first?.licenses ?? 0))})`,
        mb(f.sqlite.devices),
      ],
      ["PostgreSQL (sum of pg_total_relation_size)", mb(pg1?.licenses), mb(pg1?.devices)],
    ],
  );
}
