import { mbPerMillion } from "../http/dbsize.js";
import type { Run } from "../http/drive.js";
import { type Results, ratio } from "../report/results.js";
import type { BackendFigures, SuiteFigures } from "./figures.js";

/** `<name>_rps`, `<name>_p50_ms`, `<name>_p99_ms`, and `<name>_vs_node_floor` when a floor is given. */
function runKeys(out: Results, name: string, run: Run | undefined, floor?: Run): void {
  if (!run) return;
  out[`${name}_rps`] = run.rps;
  out[`${name}_p50_ms`] = run.p50;
  out[`${name}_p99_ms`] = run.p99;
  if (floor) out[`${name}_vs_node_floor`] = ratio(run.rps, floor.rps);
}

/** results.json keys that other benches write into the same file and this one keeps. */
export const keptFromOthers = (key: string): boolean =>
  key.startsWith("sdk_") || key.startsWith("raw_verify");

const sizeKey = (growth: { rows: number; bytes: number } | undefined): number | null =>
  growth ? mbPerMillion(growth.bytes, growth.rows) : null;

function pgKeys(out: Results, workers: number, f: BackendFigures, sqlite: BackendFigures, node: Run): void {
  const name = (route: string) => (workers === 1 ? `pg_${route}` : `pg_${route}_workers${workers}`);
  runKeys(out, name("floor_app"), f.floor);
  runKeys(out, name("validate"), f.lease, node);
  runKeys(out, name("activate"), f.activate, node);
  runKeys(out, name("deactivate"), f.deactivate);
  runKeys(out, name("seat_checkout"), f.seatCheckOut, node);
  runKeys(out, name("seat_heartbeat"), f.seatHeartbeat, node);
  out[`${name("validate")}_vs_sqlite`] = ratio(f.lease.rps, sqlite.lease.rps);
}

/** results.json keys of one run (sdk_* are written by bench/sdk/validate.ts itself). */
export function resultKeys(f: SuiteFigures): Results {
  const out: Results = {};
  const node = f.floors.node;
  runKeys(out, "floor_node", node);
  runKeys(out, "floor_framework", f.floors.framework, node);
  runKeys(out, "floor_app", f.sqlite.floor, node);
  runKeys(out, "validate_lease", f.sqlite.lease, node);
  runKeys(out, "validate_key", f.sqlite.key, node);
  if (f.sqlite.keyStatus !== undefined) out.validate_key_answer_status = f.sqlite.keyStatus;
  runKeys(out, "mixed", f.sqlite.mixed, node);
  runKeys(out, "activate", f.sqlite.activate, node);
  runKeys(out, "deactivate", f.sqlite.deactivate, node);
  runKeys(out, "seat_checkout", f.sqlite.seatCheckOut, node);
  runKeys(out, "seat_heartbeat", f.sqlite.seatHeartbeat, node);
  out.licenses = f.licenses;
  for (const { workers, figures } of f.pg) pgKeys(out, workers, figures, f.sqlite, node);
  const pg1 = f.pg.find((r) => r.workers === 1)?.figures;
  const pg2 = f.pg.find((r) => r.workers === 2)?.figures;
  if (pg1 && pg2) out.pg_workers2_vs_1 = ratio(pg2.lease.rps, pg1.lease.rps);
  if (f.pgSkipped !== undefined) out.pg_skipped = f.pgSkipped;

  const [first, last] = f.scale.points;
  out.scale_licenses = f.scale.points.map((p) => p.licenses).join(",");
  if (first) {
    out.validate_rps_100k_licenses = first.validate.rps;
    out.validate_p99_ms_100k_licenses = first.validate.p99;
    out.floor_app_rps_100k_licenses = first.floor.rps;
  }
  if (last) {
    out.validate_rps_1m_licenses = last.validate.rps;
    out.validate_p99_ms_1m_licenses = last.validate.p99;
    out.floor_app_rps_1m_licenses = last.floor.rps;
  }
  out.validate_1m_vs_100k = ratio(last?.validate.rps ?? 0, first?.validate.rps ?? 0);
  // The same with each step's validate taken against the floor measured beside it (the machine's load drifts).
  out.validate_1m_vs_100k_floor_normalised = ratio(
    ratio(last?.validate.rps ?? 0, last?.floor.rps ?? 0),
    ratio(first?.validate.rps ?? 0, first?.floor.rps ?? 0),
  );
  out.keygen_1m_s = f.scale.keygen.seconds;
  out.keygen_peak_mb = f.scale.keygen.peakMb;
  out.keygen_start_mb = f.scale.keygen.startMb;
  out.keygen_count = f.scale.keygen.keys;

  const grown =
    first && last ? { rows: last.licenses - first.licenses, bytes: last.bytes - first.bytes } : undefined;
  out.sqlite_mb_per_million_licenses = sizeKey(grown);
  out.sqlite_mb_per_million_devices = sizeKey(f.sqlite.devices);
  out.pg_mb_per_million_licenses = sizeKey(pg1?.licenses);
  out.pg_mb_per_million_devices = sizeKey(pg1?.devices);
  out.confirmation_verify_median_us = f.confirmations.verifyMedianUs;
  out.confirmation_verify_p90_us = f.confirmations.verifyP90Us;
  out.confirmation_issue_median_us = f.confirmations.issueMedianUs;
  out.confirmation_count = f.confirmations.count;
  out.bench_seconds_per_run = f.seconds;
  out.bench_rounds = f.rounds;
  out.bench_connections = f.connections;
  out.bench_quick = f.quick;
  return out;
}
