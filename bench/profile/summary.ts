/**
 * Where a CPU profile spends its time: self time grouped by the package or part of Ninsho the code belongs to,
 * and the functions with the most self and total time, as µs per request when the number of requests is given.
 *
 *   npx tsx bench/profile/summary.ts /tmp/validate.cpuprofile 14000
 *
 * Reads a `.cpuprofile` written by `node --cpu-prof`, `BENCH_PROFILE_DIR` or `bench/validateByLease.ts`
 * (LEASE_BENCH_PROFILE, which profiles the measured rounds only).
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly startTime: number;
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** First match wins: the part of the process a function's URL or name belongs to. */
const GROUPS: readonly (readonly [string, RegExp])[] = [
  ["idle", /^\(idle\)$/],
  ["GC", /^\(garbage collector\)$/],
  ["kysely", /node_modules\/kysely\//],
  ["better-sqlite3", /node_modules\/better-sqlite3\//],
  ["zod", /node_modules\/zod\//],
  ["@hono/zod-openapi, zod-validator", /node_modules\/@hono\/(zod|zod-openapi|zod-validator)/],
  ["@hono/node-server", /node_modules\/@hono\/node-server\//],
  ["hono", /node_modules\/hono\//],
  ["pino", /node_modules\/pino/],
  ["ninsho store", /packages\/store\//],
  ["ninsho server http (middleware)", /packages\/server\/src\/http\//],
  ["ninsho server", /packages\/server\//],
  ["ninsho core", /packages\/core\//],
  ["ninsho contract", /packages\/contract\//],
  ["node crypto", /^node:crypto|internal\/crypto/],
  ["node http, net, streams", /^node:(_http|http|net|stream|internal\/(http|streams|net|stream))/],
  ["undici (web Request/Response)", /undici|internal\/deps\/undici|node:internal\/webstreams/],
  ["other node internals", /^node:/],
  ["bench driver", /\/bench\//],
  ["other node_modules", /node_modules\//],
  ["(program)", /^\(program\)$/],
];

const groupOf = (node: ProfileNode): string => {
  const { url, functionName } = node.callFrame;
  for (const [name, pattern] of GROUPS)
    if (pattern.test(url) || (!url && pattern.test(functionName))) return name;
  return url ? "other" : `native ${functionName || "(anonymous)"}`;
};

const short = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*\/(node_modules|packages)\//, "").replace(/^file:\/\//, "");
  return `${functionName || "(anonymous)"} ${file}:${lineNumber + 1}`;
};

/**
 * The summary, as text. `window` keeps the samples between two instants of the monotonic clock, in µs (V8 stamps
 * its samples with it, as `process.hrtime` reads it in any process of the machine): a measured run only, without
 * start-up and warm-up.
 */
export function summarise(
  profile: Profile,
  requests: number | undefined,
  top = 25,
  window?: { readonly from: number; readonly to: number },
): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let total = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (window && (at < window.from || at > window.to)) return;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });
  const groups = new Map<string, number>();
  const selfByFn = new Map<string, number>();
  const totalByFn = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const g = groupOf(node);
    groups.set(g, (groups.get(g) ?? 0) + us);
    selfByFn.set(short(node), (selfByFn.get(short(node)) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at);
      if (!n) break;
      const name = short(n);
      if (seen.has(name)) continue; // recursion counts once
      seen.add(name);
      totalByFn.set(name, (totalByFn.get(name) ?? 0) + us);
    }
  }
  const busy = total - (groups.get("idle") ?? 0);
  const per = (us: number) => (requests ? ` ${(us / requests).toFixed(1).padStart(7)} µs/req` : "");
  const line = (name: string, us: number) =>
    `${((100 * us) / busy).toFixed(1).padStart(5)}%${per(us)}  ${name}`;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  const out = [
    `profile ${(total / 1e6).toFixed(2)} s, busy ${(busy / 1e6).toFixed(2)} s${requests ? `, ${requests} requests: ${(busy / requests).toFixed(1)} µs busy per request` : ""}`,
    "",
    "self time by part (share of busy time):",
    ...sorted(groups)
      .filter(([g, us]) => g !== "idle" && us >= busy / 500)
      .map(([g, us]) => line(g, us)),
    "",
    "functions by self time:",
    ...sorted(selfByFn)
      .slice(0, top)
      .map(([f, us]) => line(f, us)),
    "",
    "functions by total time (self and callees):",
    ...sorted(totalByFn)
      .filter(([f]) => !f.startsWith("(root)"))
      .slice(0, top)
      .map(([f, us]) => line(f, us)),
  ];
  return out.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, requests, top] = process.argv.slice(2);
  if (!file) throw new Error("usage: summary.ts <file.cpuprofile> [requests] [top]");
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  console.log(summarise(profile, requests ? Number(requests) : undefined, top ? Number(top) : undefined));
}
