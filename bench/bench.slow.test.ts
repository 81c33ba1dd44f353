import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

/** The keys issue 11 names: `npm run bench` promises each of them. */
const ISSUE_11_KEYS = [
  "floor_node_rps",
  "floor_framework_rps",
  "validate_lease_rps",
  "validate_lease_p99_ms",
  "validate_key_rps",
  "validate_key_p99_ms",
  "mixed_rps",
  "mixed_p99_ms",
  "activate_rps",
  "validate_rps_100k_licenses",
  "validate_rps_1m_licenses",
  "keygen_1m_s",
  "keygen_peak_mb",
  "licenses",
];
const PG_KEYS = ["pg_validate_rps", "pg_validate_workers2_rps"];
const OTHER_KEYS = [
  "validate_lease_vs_node_floor",
  "validate_key_vs_node_floor",
  "mixed_vs_node_floor",
  "floor_app_rps",
  "deactivate_rps",
  "validate_1m_vs_100k",
  "sdk_validate_per_s",
  "raw_verify_per_s",
  "sdk_cold_start_median_ms",
  "confirmation_verify_median_us",
  "sqlite_mb_per_million_licenses",
  "sqlite_mb_per_million_devices",
  "bench_machine",
  "bench_runtime_s",
];
const PG_SIZE_KEYS = ["pg_mb_per_million_licenses", "pg_mb_per_million_devices"];

const out = mkdtempSync(join(tmpdir(), "ninsho-bench-quick-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("npm run bench, quick (BENCH_QUICK=1)", () => {
  it("runs every part end to end and writes every key, the tables and the chart elsewhere", async () => {
    const main = fileURLToPath(new URL("./main.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", main], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, BENCH_QUICK: "1", BENCH_OUT: out },
    });
    let log = "";
    child.stdout.on("data", (chunk: Buffer) => (log += chunk));
    child.stderr.on("data", (chunk: Buffer) => (log += chunk));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code, log).toBe(0);

    const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as Record<string, unknown>;
    const pgSkipped = typeof results.pg_skipped === "string";
    if (pgSkipped) console.warn(`PostgreSQL half of the bench skipped: ${results.pg_skipped}`);
    if (pgSkipped && process.env.CI) expect.fail(`CI needs PostgreSQL: ${results.pg_skipped}`);
    const expected = [...ISSUE_11_KEYS, ...OTHER_KEYS, ...(pgSkipped ? [] : PG_KEYS)];
    for (const key of expected)
      expect(typeof results[key], key).toBe(key === "bench_machine" ? "string" : "number");
    for (const key of ISSUE_11_KEYS) expect(results[key], key).toBeGreaterThan(0);
    // A quick run is small: a few hundred seeded licenses, a few thousand generated keys.
    expect(results.licenses).toBeLessThanOrEqual(1000);
    expect(results.keygen_count).toBeLessThanOrEqual(10_000);
    if (!pgSkipped) for (const key of PG_SIZE_KEYS) expect(results[key], key).toBeGreaterThan(0);
    expect(results.bench_quick).toBe(true);

    const readme = readFileSync(join(out, "README.md"), "utf8");
    for (const block of [
      "bench-machine",
      "http-bench",
      "http-bench-pg",
      "bench-offline",
      "bench-scale",
      "bench-size",
    ])
      expect(readme).toContain(`<!-- ${block}:end -->`);
    expect(readFileSync(join(out, "scale.svg"), "utf8")).toMatch(/^<svg/);
  });
});
