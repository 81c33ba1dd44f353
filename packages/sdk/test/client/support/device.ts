/** Test machines, a hand-moved clock, and clients wired to them. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LiveServer } from "../../../../../testing/liveServer.js";
import { machine, testClock } from "../../../../../testing/machines.js";
import { type ClientOptions, createClient, type NinshoClient } from "../../../src/index.js";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export { machine, testClock };

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
