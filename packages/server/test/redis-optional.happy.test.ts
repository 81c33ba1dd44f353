/**
 * Redis is optional, and so is its client: a server started without a Redis URL never loads `ioredis`. A fresh
 * Node process starts the real server as it ships (the build `npm test` makes first: `startServer`, SQLite,
 * port 0) with a module hook that writes down every module it resolves; the same start with a Redis URL shows the hook does see `ioredis` when it is
 * loaded (that start then fails: nothing listens at the URL).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const dir = mkdtempSync(join(tmpdir(), "ninsho-redis-optional-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A resolve hook (run on Node's loader thread) that appends each resolved URL to the file it is given. */
const HOOK = `
import { appendFileSync } from "node:fs";
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(log, resolved.url + "\\n");
  return resolved;
}`;

/** Start and stop the server in a child process; the URLs it resolved and how the start went. */
function startAndStop(name: string, env: Record<string, string>): { urls: string[]; out: string } {
  const log = join(dir, `${name}.log`);
  const script = `
    import { register } from "node:module";
    import { writeFileSync } from "node:fs";
    writeFileSync(${JSON.stringify(log)}, "");
    register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOK)}`)}, {
      data: { log: ${JSON.stringify(log)} },
    });
    const { startServer } = await import("@ninsho/server");
    const { pino } = await import("pino");
    try {
      const server = await startServer({
        dataDir: ${JSON.stringify(join(dir, name))},
        port: 0,
        print: () => undefined,
        logger: pino({ level: "silent" }),
      });
      const health = await fetch(server.url + "/healthz");
      console.log("started", health.status);
      await server.close();
    } catch (error) {
      console.log("refused", String(error));
    }`;
  const { NINSHO_REDIS_URL: _redis, DATABASE_URL: _database, ...inherited } = process.env;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: root,
    encoding: "utf8",
    env: { ...inherited, ...env },
  });
  expect(run.status, run.stderr).toBe(0);
  return { urls: readFileSync(log, "utf8").split("\n"), out: run.stdout };
}

const isIoredis = (url: string) => url.includes("/node_modules/ioredis/");

describe("Redis only when configured", () => {
  it("a server started without a Redis URL serves without ever loading ioredis", () => {
    const { urls, out } = startAndStop("without", {});
    expect(out).toContain("started 200");
    expect(urls.some((url) => /\/packages\/server\/dist\/serve\.js$/.test(url))).toBe(true);
    expect(urls.filter(isIoredis)).toEqual([]);
  });

  it("with a Redis URL the same start loads it (the hook sees it)", () => {
    const { urls, out } = startAndStop("with", { NINSHO_REDIS_URL: "redis://127.0.0.1:1" });
    expect(out).toContain("refused");
    expect(urls.some(isIoredis)).toBe(true);
  });
});
