/**
 * `npx tsx bench/sdk/validate.ts`: the SDK's offline `validate()` against the raw `crypto.verify` of the same
 * lease, in one run on one machine, and the cold start of a client on an existing state folder. A license is
 * activated once against an in-process server, which is then stopped: everything measured is offline.
 *
 * Targets (issue 3): `validate()` ≥ 70% of raw verifies per second; cold start ≤ 15 ms median.
 * Writes sdk_validate_per_s, raw_verify_per_s, sdk_validate_ratio and sdk_cold_start_median_ms into
 * bench/results.json (or BENCH_RESULTS), keeping what other benches wrote there. `npm run bench` runs it too.
 */
import { createHash, verify } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fromBase64Url, type PublicJwk, publicKeyFromJwk } from "@ninsho/core";
import { startServer } from "@ninsho/server";
import { pino } from "pino";
import { type ClientOptions, createClient } from "../../packages/sdk/src/index.js";

const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const COLD_STARTS = Number(process.env.BENCH_COLD_STARTS ?? 51);

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** Operations per second of `step`, run back to back for `ROUND_MS`. */
async function rate(step: () => unknown): Promise<number> {
  let count = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ROUND_MS) {
    for (let i = 0; i < 64; i++) await step();
    count += 64;
    elapsed = performance.now() - started;
  }
  return count / (elapsed / 1000);
}

async function activatedFolder() {
  const dataDir = mkdtempSync(join(tmpdir(), "ninsho-bench-sdk-server-"));
  const storageDir = mkdtempSync(join(tmpdir(), "ninsho-bench-sdk-device-"));
  const server = await startServer({
    dataDir,
    port: 0,
    print: () => undefined,
    logger: pino({ level: "silent" }),
  });
  const seeded = server.seeded;
  if (!seeded) throw new Error("the bench needs a fresh server");
  const jwks = (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as { keys: PublicJwk[] };
  const digest = (kind: string) => createHash("sha256").update(`bench:${kind}`).digest("hex");
  const options: ClientOptions = {
    url: server.url,
    productId: seeded.productId,
    publicKeys: jwks,
    storageDir,
    locale: "en",
    fingerprint: async () => ({
      collector: "bench/1",
      components: ["board", "disk", "mac", "os-install"].map((kind) => ({ kind, digest: digest(kind) })),
    }),
  };
  const client = createClient(options);
  await client.installKey(seeded.demoKey);
  const activated = await client.activate();
  if (!activated.ok) throw new Error(`activation failed: ${activated.problem.code}`);
  await client.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
  return { options, storageDir, jwks };
}

const { options, storageDir, jwks } = await activatedFolder();

// The raw baseline: the very lease on disk, its signature checked with the same key and nothing else.
const [header64, body64, signature64] = readFileSync(join(storageDir, "lease.jwt"), "utf8").trim().split(".");
const signingInput = Buffer.from(`${header64}.${body64}`);
const signature = fromBase64Url(signature64 ?? "");
const key = publicKeyFromJwk(jwks.keys[0] ?? { kty: "OKP", crv: "Ed25519", x: "" });
if (!verify(null, signingInput, key, signature)) throw new Error("the stored lease does not verify");

const client = createClient(options);
const first = await client.validate();
if (!first.valid || first.state !== "active")
  throw new Error(`the bench lease is not active: ${first.state}`);

// Alternate rounds so a noisy neighbour slows both sides alike; medians of each side.
const raw: number[] = [];
const sdk: number[] = [];
await rate(() => verify(null, signingInput, key, signature)); // warm-up
await rate(() => client.validate());
for (let round = 0; round < ROUNDS; round++) {
  raw.push(await rate(() => verify(null, signingInput, key, signature)));
  sdk.push(await rate(() => client.validate()));
}
// Each round is a pair run back to back, so a slow spell on a shared machine weighs on both of its halves;
// the pair with the median ratio is reported, so the three figures agree with one another.
const pairs = raw
  .map((rawRate, i) => ({ raw: rawRate, sdk: sdk[i] ?? 0, ratio: (sdk[i] ?? 0) / rawRate }))
  .sort((a, b) => a.ratio - b.ratio);
const middle = pairs[Math.floor(pairs.length / 2)] ?? { raw: 0, sdk: 0, ratio: 0 };
const rawPerSecond = Math.round(middle.raw);
const sdkPerSecond = Math.round(middle.sdk);
const ratio = Math.round(middle.ratio * 1000) / 1000;

// Cold start: a new client on the existing folder, to its first verdict (reads, MAC, one verification).
const coldStarts: number[] = [];
for (let i = 0; i < COLD_STARTS; i++) {
  const started = performance.now();
  const fresh = createClient(options);
  const status = await fresh.validate();
  coldStarts.push(performance.now() - started);
  if (!status.valid) throw new Error(`cold start gave ${status.state}`);
}
const coldMedianMs = Math.round(median(coldStarts) * 100) / 100;

console.log(`raw crypto.verify      ${rawPerSecond.toLocaleString("en")} /s`);
console.log(
  `SDK validate()         ${sdkPerSecond.toLocaleString("en")} /s  (${(ratio * 100).toFixed(1)}% of raw; target ≥ 70%)`,
);
console.log(`cold start (median)    ${coldMedianMs} ms over ${COLD_STARTS} runs  (target ≤ 15 ms)`);

// BENCH_RESULTS: another results file (the smoke test's), else bench/results.json.
const resultsPath = process.env.BENCH_RESULTS || new URL("../results.json", import.meta.url);
const previous = existsSync(resultsPath)
  ? (JSON.parse(readFileSync(resultsPath, "utf8")) as Record<string, unknown>)
  : {};
const results = {
  ...previous,
  sdk_validate_per_s: sdkPerSecond,
  raw_verify_per_s: rawPerSecond,
  sdk_validate_ratio: ratio,
  sdk_cold_start_median_ms: coldMedianMs,
  sdk_machine: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  sdk_measured_at: new Date().toISOString(),
};
writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
await client.close();
rmSync(storageDir, { recursive: true, force: true });
