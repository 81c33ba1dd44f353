/**
 * Micro-benchmark of validation by lease: µs per `POST /v1/validate` through `app.request` (no socket, one
 * request at a time, so the figure is the CPU and store time of one validation), on a SQLite file seeded with
 * activated devices, each validated with its current lease, picked at random.
 *
 * Given several checkouts, it loads each one's server code and seeds each its own store, then runs them in
 * interleaved rounds in one process, so a before/after comparison shares the machine's load:
 *
 *   mkdir /tmp/before && git archive <commit> | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/
 *   node --conditions=ninsho-source --import tsx bench/validateByLease.ts . /tmp/before
 *
 * Every device registers a device secret at activation and every validation carries its proof, as the SDK's
 * do (and as the HTTP bench's traffic does).
 *
 * Options by environment: LEASE_BENCH_DEVICES (default 2,000), LEASE_BENCH_ROUNDS (7), LEASE_BENCH_REQUESTS
 * per round (2,000), LEASE_BENCH_BY=key to validate by key instead of by lease, LEASE_BENCH_PROFILE=<file> to
 * write a CPU profile of the measured rounds only (read it with `bench/profile/summary.ts`),
 * LEASE_BENCH_COLD=1 to give each validation a lease issuer with nothing cached: a large fleet validated at
 * random, where the issuer's cache (50,000 tokens) rarely holds the device's lease.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { deviceSecretText, newDeviceSecret, signDeviceProof } from "@ninsho/core";
import { pino } from "pino";
import { randomFingerprint } from "./http/fixtures.js";

type AppModule = typeof import("../packages/server/src/app.js");
type DepsModule = typeof import("../packages/server/src/buildDeps.js");
type TokensModule = typeof import("../packages/server/src/services/admin/tokens.js");
type StoreModule = typeof import("../packages/store/src/index.js");
type LeasesModule = typeof import("../packages/server/src/services/leases.js");
type App = ReturnType<AppModule["createApp"]>;

const DEVICES = Number(process.env.LEASE_BENCH_DEVICES ?? 2000);
const ROUNDS = Number(process.env.LEASE_BENCH_ROUNDS ?? 7);
const REQUESTS = Number(process.env.LEASE_BENCH_REQUESTS ?? 2000);
const BY_KEY = process.env.LEASE_BENCH_BY === "key";
const PROFILE = process.env.LEASE_BENCH_PROFILE;
const COLD = process.env.LEASE_BENCH_COLD === "1";

interface Holder {
  readonly key: string;
  readonly lease: string;
  readonly fingerprint: ReturnType<typeof randomFingerprint>;
  readonly secret: Buffer;
}

interface Seeded {
  readonly root: string;
  readonly app: App;
  readonly held: readonly Holder[];
  /** Before each validation: a new, empty lease issuer when LEASE_BENCH_COLD (else nothing). */
  readonly chill: () => void;
  readonly close: () => Promise<void>;
}

async function post(app: App, path: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const res = await app.request(path, { method: "POST", headers, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** One checkout's app on its own seeded SQLite file. */
async function seed(root: string): Promise<Seeded> {
  const server = join(root, "packages/server/src");
  const { createApp } = (await import(join(server, "app.ts"))) as AppModule;
  const { buildDeps } = (await import(join(server, "buildDeps.ts"))) as DepsModule;
  const { createToken } = (await import(join(server, "services/admin/tokens.ts"))) as TokensModule;
  // Each checkout's own store too (its repositories and dialect code are part of what is compared).
  const { createStore } = (await import(join(root, "packages/store/src/index.ts"))) as StoreModule;
  const { LeaseIssuer } = (await import(join(server, "services/leases.ts"))) as LeasesModule;
  const dir = mkdtempSync(join(tmpdir(), "ninsho-lease-bench-"));
  const store = createStore({ url: join(dir, "ninsho.db") });
  await store.migrate();
  const deps = buildDeps({ store, masterKey: randomBytes(32), logger: pino({ level: "silent" }) });
  const { token } = await createToken(deps, { name: "bench", role: "admin" });
  const app = createApp(deps);
  const product = await post(app, "/v1/admin/products", { name: "Bench" }, token);
  const policy = await post(
    app,
    "/v1/admin/policies",
    { productId: product.id, name: "Bench", channel: "volume", maxDevices: 1, leaseSeconds: 30 * 86_400 },
    token,
  );
  const held: Holder[] = [];
  while (held.length < DEVICES) {
    const count = Math.min(1000, DEVICES - held.length);
    const issued = await post(app, "/v1/admin/licenses", { policyId: policy.id, count }, token);
    for (const { key } of issued.licenses as { key: string }[]) {
      const fingerprint = randomFingerprint();
      const secret = newDeviceSecret();
      const device = { name: "bench", platform: "linux" };
      const body = { key, fingerprint, device, deviceSecret: deviceSecretText(secret) };
      const proof = signDeviceProof(secret, { path: "/v1/activations", body, at: new Date() });
      const activated = await post(app, "/v1/activations", { ...body, proof });
      held.push({ key, lease: String(activated.lease), fingerprint, secret });
    }
  }
  const close = async () => {
    await deps.lastSeen.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const chill = () => {
    if (COLD) Object.assign(deps, { leases: new LeaseIssuer() });
  };
  return { root, app, held, chill, close };
}

/**
 * CPU µs (user + system, the whole process: SQLite runs in it) and wall µs per validation over one round of
 * random devices; every answer must be a valid one. CPU time holds on a loaded machine, wall time does not.
 */
async function round(s: Seeded): Promise<{ cpu: number; wall: number }> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i++) {
    const holder = s.held[Math.floor(Math.random() * s.held.length)] ?? s.held[0];
    if (!holder) throw new Error("no devices seeded");
    const nonce = randomBytes(16).toString("base64url");
    const by = BY_KEY ? { key: holder.key } : { lease: holder.lease };
    const body = { ...by, fingerprint: holder.fingerprint, nonce };
    const proof = signDeviceProof(holder.secret, { path: "/v1/validate", body, at: new Date() });
    s.chill();
    const res = await s.app.request("/v1/validate", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...body, proof }),
    });
    const text = await res.text();
    if (res.status !== 200 || !text.includes('"valid":true')) throw new Error(`${res.status} ${text}`);
  }
  const used = process.cpuUsage(cpu);
  const wall = Number(process.hrtime.bigint() - started) / 1000;
  return { cpu: (used.user + used.system) / REQUESTS, wall: wall / REQUESTS };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const roots = (process.argv.length > 2 ? process.argv.slice(2) : ["."]).map((r) => resolve(r));
const seeded: Seeded[] = [];
for (const root of roots) seeded.push(await seed(root));
for (const s of seeded) await round(s); // warm-up: JIT, caches, the lease cache
const figures = new Map<string, { cpu: number; wall: number }[]>(roots.map((r) => [r, []]));
const session = new Session();
if (PROFILE) {
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
}
for (let r = 0; r < ROUNDS; r++) {
  for (const s of seeded) figures.get(s.root)?.push(await round(s));
}
if (PROFILE) {
  const { profile } = await session.post("Profiler.stop");
  writeFileSync(PROFILE, JSON.stringify(profile));
  session.disconnect();
}
const by = BY_KEY ? "key" : "lease";
const cold = COLD ? ", each with an empty lease issuer" : "";
console.log(
  `${DEVICES} devices, ${ROUNDS} rounds of ${REQUESTS} validations by ${by}${cold}, µs per validation:`,
);
const show = (xs: number[]) => `median ${median(xs).toFixed(1)}, min ${Math.min(...xs).toFixed(1)}`;
for (const [root, us] of figures) {
  console.log(`  ${root}: CPU ${show(us.map((u) => u.cpu))}; wall ${show(us.map((u) => u.wall))}`);
}
for (const s of seeded) await s.close();
