import { mbPerMillion } from "../http/dbsize.js";
import type { Run } from "../http/drive.js";
import { MIX } from "../http/traffic.js";
import type { BackendFigures, SuiteFigures } from "../suite/figures.js";
import { n, table } from "./markdown.js";
import { ratio } from "./results.js";

const cells = (r: Run, floor: Run) => [n(r.rps), r.p50, r.p99, ratio(r.rps, floor.rps).toFixed(3)];
const pct = (share: number) => `${Math.round(share * 100)}%`;
const MIXED = `mixed (${pct(MIX.lease)} by lease, ${pct(MIX.key)} by key, ${pct(MIX.activate)} activations)`;

/** The floors and every SQLite run, each against the bare node:http floor of the same run. */
export function sqliteTable(f: SuiteFigures): string {
  const node = f.floors.node;
  const s = f.sqlite;
  const rows: [string, Run | undefined][] = [
    ["floor: bare node:http (parse JSON, answer)", node],
    ["floor: bare Hono on @hono/node-server", f.floors.framework],
    ["app floor route (our middleware, no work; diagnostic)", s.floor],
    ["POST /v1/validate by lease", s.lease],
    [
      `POST /v1/validate by key${s.keyStatus === 200 ? "" : ` (answers ${s.keyStatus}: proof required)`}`,
      s.key,
    ],
    [MIXED, s.mixed],
    ["POST /v1/activations (durable)", s.activate],
    ["POST /v1/deactivations (by lease)", s.deactivate],
    ["POST /v1/seats (check-out, one floating pool, durable)", s.seatCheckOut],
    ["POST /v1/seats/{id}/heartbeats", s.seatHeartbeat],
  ];
  return table(
    ["run (SQLite, 1 process)", "requests/s", "p50 ms", "p99 ms", "vs node:http floor"],
    rows.flatMap(([name, run]) => (run ? [[name, ...cells(run, node)]] : [])),
  );
}

/** PostgreSQL with each worker count: each route against the node:http floor and the SQLite figure. */
export function pgTable(f: SuiteFigures): string {
  if (f.pg.length === 0) return `PostgreSQL was not measured: ${f.pgSkipped ?? "no runs"}.`;
  const routes: [keyof BackendFigures, string][] = [
    ["floor", "app floor route"],
    ["lease", "POST /v1/validate by lease"],
    ["activate", "POST /v1/activations (durable)"],
    ["deactivate", "POST /v1/deactivations (by lease)"],
    ["seatCheckOut", "POST /v1/seats (check-out)"],
    ["seatHeartbeat", "POST /v1/seats/{id}/heartbeats"],
  ];
  const rows = routes.flatMap(([route, name]) =>
    f.pg.flatMap(({ workers, figures }) => {
      const run = figures[route] as Run | undefined;
      const sqlite = f.sqlite[route] as Run | undefined;
      if (!run || !sqlite) return [];
      return [
        [
          `${name}, ${workers === 1 ? "1 process" : `${workers} worker processes`}`,
          ...cells(run, f.floors.node),
          ratio(run.rps, sqlite.rps).toFixed(3),
        ],
      ];
    }),
  );
  return table(
    ["run (PostgreSQL)", "requests/s", "p50 ms", "p99 ms", "vs node:http floor", "vs SQLite"],
    rows,
  );
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
      "validate by lease requests/s",
      "p50 ms",
      "p99 ms",
      "vs first",
      "app floor requests/s",
      "validate vs app floor",
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
  return `Key generation: ${n(k.keys)} keys generated, stored and streamed as CSV in ${k.seconds} s, in one batch through the API into the seeded database, by a server process started afresh (resident memory ${k.startMb} MB as the batch began, peak ${k.peakMb} MB over it, VmHWM).`;
}

export function sizeTable(f: SuiteFigures): string {
  const [first, last] = f.scale.points;
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
