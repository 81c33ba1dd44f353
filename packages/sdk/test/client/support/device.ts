/** Test machines, a hand-moved clock, and clients wired to them. */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Fingerprint } from "@ninsho/core";
import type { LiveServer } from "../../../../../testing/liveServer.js";
import { type ClientOptions, createClient, type NinshoClient } from "../../../src/index.js";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A machine's fingerprint: stable digests derived from its name, so one name is always one machine. */
export function machine(name: string): Fingerprint {
  const digest = (kind: string) => createHash("sha256").update(`${name}:${kind}`).digest("hex");
  const kinds = ["board", "disk", "mac", "os-install", "cpu", "ram"];
  return { collector: "test/1", components: kinds.map((kind) => ({ kind, digest: digest(kind) })) };
}

/** A clock the test moves; starts at the real time, because the real server signs with real time. */
export function testClock(start = Date.now()) {
  let at = start;
  return {
    now: () => at,
    set: (ms: number) => {
      at = ms;
    },
    advance: (ms: number) => {
      at += ms;
    },
  };
}

export const tempDir = (prefix = "ninsho-sdk-device-") => mkdtempSync(join(tmpdir(), prefix));

/** A client of `server`'s demo product in `storageDir`, on machine `name`, in English. */
export function clientFor(
  server: Pick<LiveServer, "url" | "productId" | "jwks">,
  storageDir: string,
  overrides: Partial<ClientOptions> & { machineName?: string } = {},
): NinshoClient {
  const { machineName = "test-machine", ...rest } = overrides;
  return createClient({
    url: server.url,
    productId: server.productId,
    publicKeys: server.jwks,
    storageDir,
    fingerprint: async () => machine(machineName),
    locale: "en",
    env: {},
    ...rest,
  });
}

/** A fetch that counts its calls. */
export function countingFetch(): { fetch: typeof globalThis.fetch; calls: () => number } {
  let calls = 0;
  return {
    fetch: (input, init) => {
      calls += 1;
      return globalThis.fetch(input, init);
    },
    calls: () => calls,
  };
}

/** Read and rewrite a file of a state folder. */
export const readState = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");
export const writeState = (dir: string, file: string, text: string) => writeFileSync(join(dir, file), text);

/** A client activated on a fresh license of `server`, and its folder. */
export async function activatedDevice(
  server: LiveServer,
  overrides: Partial<ClientOptions> & { machineName?: string } = {},
) {
  const dir = tempDir();
  const license = await server.newLicense();
  const client = clientFor(server, dir, overrides);
  const installed = await client.installKey(license.key);
  if (!installed.ok) throw new Error(`installKey: ${installed.problem.code}`);
  const activated = await client.activate();
  if (!activated.ok) throw new Error(`activate: ${activated.problem.code} ${activated.problem.message}`);
  await client.idle();
  return { dir, client, license, status: activated.status };
}
