/**
 * `npm run bench`: the activation server under loopback load, in one run on one machine, so every figure
 * is read beside its floor. Writes bench/results.json and the table in bench/README.md.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BenchAdmin, randomFingerprint } from "./fixtures.js";
import { load } from "./load.js";
import { startBenchServer } from "./process.js";
import { writeResults } from "./report.js";

// BENCH_DATABASE_URL: the PostgreSQL bench (1 and 2 worker processes) instead of this one.
if (process.env.BENCH_DATABASE_URL) {
  await import("./postgres.js");
  process.exit(0);
}

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const keygenCount = Number(process.env.BENCH_KEYGEN ?? 1_000_000);
const work = mkdtempSync(join(tmpdir(), "ninsho-bench-"));
const nonce = () => randomBytes(16).toString("base64url");

async function validationBodies(admin: BenchAdmin, keys: string[], devices: number) {
  const bodies: string[] = [];
  for (const key of keys.slice(0, devices)) {
    const fingerprint = randomFingerprint();
    await admin.activate(key, fingerprint);
    bodies.push(JSON.stringify({ key, fingerprint, nonce: "NONCE_PLACEHOLDER_XX" }));
  }
  let i = 0;
  // Each request gets its own nonce, as a real client's would.
  return () => (bodies[i++ % bodies.length] ?? "").replace("NONCE_PLACEHOLDER_XX", nonce());
}

try {
  console.log(`bench: ${seconds}s per run, 64 connections, loopback; work folder ${work}`);
  // 1. 1,000 licenses: floor, validate, activate.
  const small = await startBenchServer(join(work, "small"));
  const smallAdmin = new BenchAdmin(small.url, small.adminToken);
  const validatePolicy = await smallAdmin.policy("bench validate", 3);
  const { keys: smallKeys } = await smallAdmin.keys(validatePolicy, 1000);
  const nextValidate = await validationBodies(smallAdmin, smallKeys, 1000);
  const floorBody = nextValidate();
  const floor = await load({ url: small.url, path: "/_bench/floor", body: () => floorBody, seconds });
  console.log("floor", floor);
  const validate = await load({ url: small.url, path: "/v1/validate", body: nextValidate, seconds });
  console.log("validate (1k licenses)", validate);
  const activatePolicy = await smallAdmin.policy("bench activate", 1_000_000);
  const { keys: activateKeys } = await smallAdmin.keys(activatePolicy, 2000);
  let a = 0;
  const activate = await load({
    url: small.url,
    path: "/v1/activations",
    body: () =>
      JSON.stringify({
        key: activateKeys[a++ % activateKeys.length],
        fingerprint: randomFingerprint(),
        device: { name: "bench", platform: "linux" },
      }),
    seconds,
  });
  console.log("activate", activate);
  await small.stop();

  // 2. 1,000,000 keys in a fresh server (its peak memory is the keygen's), then validate at that size.
  const large = await startBenchServer(join(work, "large"));
  const largeAdmin = new BenchAdmin(large.url, large.adminToken);
  const largePolicy = await largeAdmin.policy("bench keygen", 3);
  const keygen = await largeAdmin.keys(largePolicy, keygenCount, false);
  const keygenPeakMb = large.peakMemoryMb();
  console.log(
    `keygen: ${keygenCount} keys in ${keygen.seconds.toFixed(1)} s, server peak ${keygenPeakMb} MB`,
  );
  const { keys: probeKeys } = await largeAdmin.keys(largePolicy, 1000);
  const nextLargeValidate = await validationBodies(largeAdmin, probeKeys, 1000);
  const validateLarge = await load({
    url: large.url,
    path: "/v1/validate",
    body: nextLargeValidate,
    seconds,
  });
  console.log(`validate (${keygenCount + 1001} licenses)`, validateLarge);
  await large.stop();

  writeResults({
    seconds,
    keygenCount,
    floor,
    validate,
    activate,
    keygenSeconds: keygen.seconds,
    keygenPeakMb,
    validateLarge,
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
