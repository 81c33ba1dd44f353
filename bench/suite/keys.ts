import { mbPerMillion } from "../http/dbsize.js";
import type { Run } from "../http/drive.js";
import { type Results, ratio } from "../report/results.js";
import type { BackendFigures } from "./figures.js";
import { SCALE_NAMES, type SuiteFigures } from "./figures.js";

const ROUTES = ["floor", "validate", "activate", "deactivate"] as const;

/** floor_rps, validate_p99_ms, … (with `suffix`, e.g. pg_validate_rps_1w), and ratios to that floor. */
function backendKeys(prefix: string, suffix: string, f: BackendFigures): Results {
  const out: Results = {};
  const run = (route: (typeof ROUTES)[number]): Run => f[route];
  for (const route of ROUTES) {
    out[`${prefix}${route}_rps${suffix}`] = run(route).rps;
    out[`${prefix}${route}_p50_ms${suffix}`] = run(route).p50;
    out[`${prefix}${route}_p99_ms${suffix}`] = run(route).p99;
    if (route !== "floor")
      out[`${prefix}${route}_ratio_to_floor${suffix}`] = ratio(run(route).rps, f.floor.rps);
  }
  return out;
}

const sizeKey = (growth: { rows: number; bytes: number } | undefined): number | null =>
  growth ? mbPerMillion(growth.bytes, growth.rows) : null;

/** Keys this suite owned once and no longer writes (removed from results.json). */
export const RETIRED_KEYS = [
  "pg_session_sqlite_validate_rps",
  "pg_session_sqlite_activate_rps",
  "pg_machine",
  "pg_load_average",
  "pg_measured_at",
  "pg_rounds",
  "http_machine",
  "http_measured_at",
] as const;

/** results.json keys of one run (sdk_* are written by bench/sdk/validate.ts itself). */
export function resultKeys(f: SuiteFigures): Results {
  const out: Results = { ...backendKeys("", "", f.sqlite) };
  for (const { workers, figures } of f.pg) Object.assign(out, backendKeys("pg_", `_${workers}w`, figures));
  if (f.pgSkipped !== undefined) out.pg_skipped = f.pgSkipped;
  const points = f.scale.points;
  points.forEach((point, i) => {
    const name = SCALE_NAMES[i] ?? String(point.licenses);
    out[`validate_rps_${name}_licenses`] = point.validate.rps;
    out[`validate_p99_ms_${name}_licenses`] = point.validate.p99;
    out[`floor_rps_${name}_licenses`] = point.floor.rps;
  });
  const first = points[0];
  const last = points[points.length - 1];
  out.scale_licenses = points.map((p) => p.licenses).join(",");
  out.validate_1m_vs_1k = ratio(last?.validate.rps ?? 0, first?.validate.rps ?? 0);
  // The same with each step's validate taken against the floor measured beside it (the machine's load drifts).
  out.validate_1m_vs_1k_floor_normalised = ratio(
    ratio(last?.validate.rps ?? 0, last?.floor.rps ?? 0),
    ratio(first?.validate.rps ?? 0, first?.floor.rps ?? 0),
  );
  out.keygen_1m_s = f.scale.keygen.seconds;
  out.keygen_peak_mb = f.scale.keygen.peakMb;
  const largest = [...f.scale.keygen.batches].sort((a, b) => b.keys - a.keys)[0];
  out.keygen_largest_batch_start_mb = largest?.startMb ?? null;
  out.keygen_count = f.scale.keygen.keys;
  out.keygen_batches = f.scale.keygen.batches.map((b) => b.keys).join("+");
  const grown =
    first && last ? { rows: last.licenses - first.licenses, bytes: last.bytes - first.bytes } : undefined;
  out.sqlite_mb_per_million_licenses = sizeKey(grown);
  out.sqlite_mb_per_million_devices = sizeKey(f.sqlite.devices);
  const pg1 = f.pg.find((r) => r.workers === 1)?.figures;
  out.pg_mb_per_million_licenses = sizeKey(pg1?.licenses);
  out.pg_mb_per_million_devices = sizeKey(pg1?.devices);
  out.confirmation_verify_median_us = f.confirmations.verifyMedianUs;
  out.confirmation_verify_p90_us = f.confirmations.verifyP90Us;
  out.confirmation_issue_median_us = f.confirmations.issueMedianUs;
  out.confirmation_count = f.confirmations.count;
  out.bench_seconds_per_run = f.seconds;
  out.bench_connections = f.connections;
  out.bench_quick = f.quick;
  return out;
}
