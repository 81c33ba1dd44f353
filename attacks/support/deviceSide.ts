/**
 * The device side of the attacks: machines with fixed fingerprints, clients of the real SDK wired to the real
 * server (testing/liveServer.ts), the state folder as a text editor sees it (files read, edited and signed
 * again with the install secret, which sits in the same folder), and a local relay between the SDK and the
 * server that rewrites requests and answers, as a user with a local proxy can.
 */
import { createHmac } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ClientOptions, createClient, type NinshoClient, STATE_FILES } from "@ninsho/sdk";
import type { LiveServer } from "../../testing/liveServer.js";
import { machine, testClock } from "../../testing/machines.js";

export const DAY = 86_400_000;

export { machine, testClock };

const folders: string[] = [];
export const tempDir = (prefix = "ninsho-attack-") => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
};
/** Remove every folder made by `tempDir` (call in afterAll). */
export const removeFolders = () => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
};

/** Client options, a machine name, and `shipsPublicKeys: false` for an app built without the product's keys. */
export type DeviceOptions = Partial<ClientOptions> & { machineName?: string; shipsPublicKeys?: boolean };

/** A client of `server`'s demo product in `storageDir`, on machine `machineName`, in English. */
export function clientFor(
  server: Pick<LiveServer, "url" | "productId" | "jwks">,
  storageDir: string,
  overrides: DeviceOptions = {},
): NinshoClient {
  const { machineName = "attacked-machine", shipsPublicKeys = true, ...rest } = overrides;
  return createClient({
    url: server.url,
    productId: server.productId,
    ...(shipsPublicKeys ? { publicKeys: server.jwks } : {}),
    storageDir,
    fingerprint: async () => machine(machineName),
    locale: "en",
    env: {},
    ...rest,
  });
}

/** A client activated on a fresh license of `server`, and its folder. */
export async function activatedDevice(server: LiveServer, overrides: DeviceOptions = {}) {
  const dir = tempDir();
  const license = await server.newLicense();
  const client = clientFor(server, dir, overrides);
  const installed = await client.installKey(license.key);
  if (!installed.ok) throw new Error(`installKey: ${installed.problem.code}`);
  const activated = await client.activate();
  if (!activated.ok) throw new Error(`activate: ${activated.problem.code} ${activated.problem.message}`);
  await client.close();
  return { dir, license, status: activated.status };
}

/** Copy a whole state folder, as a disk image or a backup carries it. */
export function copyFolder(from: string): string {
  const to = tempDir("ninsho-attack-copy-");
  cpSync(from, to, { recursive: true });
  return to;
}

export const readFile = (dir: string, name: string) => readFileSync(join(dir, name), "utf8");
export const writeFile = (dir: string, name: string, text: string) => writeFileSync(join(dir, name), text);

/** The body of `state.json`, as someone who read the install secret beside it sees it. */
export function readStateBody(dir: string): Record<string, unknown> {
  const outer = JSON.parse(readFile(dir, STATE_FILES.state)) as { body: string };
  return JSON.parse(outer.body) as Record<string, unknown>;
}

/** Write `state.json` with a valid MAC, computed from the install secret in the same folder. */
export function writeStateBody(dir: string, productId: string, body: Record<string, unknown>): void {
  const secret = Buffer.from(readFile(dir, STATE_FILES.secret).trim(), "base64url");
  const macKey = createHmac("sha256", secret).update(`ninsho/state/v1\n${productId}`).digest();
  const text = JSON.stringify(body);
  const mac = createHmac("sha256", macKey).update(text).digest("base64url");
  writeFile(dir, STATE_FILES.state, JSON.stringify({ format: "ninsho-device-state/1", body: text, mac }));
}

/** What a relay may do to a request (its JSON body) and to the answer, per path. */
export interface RelayRules {
  request?(path: string, body: Record<string, unknown>): Record<string, unknown>;
  answer?(path: string, body: Record<string, unknown>, status: number): Record<string, unknown>;
}

/** A local HTTP relay in front of `target`: every request and answer passes through `rules`. */
export async function startRelay(target: string, rules: RelayRules) {
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const path = request.url ?? "/";
      const text = Buffer.concat(chunks).toString("utf8");
      const sent =
        request.method === "POST" && rules.request
          ? JSON.stringify(rules.request(path, JSON.parse(text || "{}") as Record<string, unknown>))
          : text;
      const upstream = await fetch(`${target}${path}`, {
        method: request.method ?? "GET",
        headers: { "content-type": "application/json" },
        ...(request.method === "POST" ? { body: sent } : {}),
      });
      let answer = (await upstream.json()) as Record<string, unknown>;
      if (rules.answer) answer = rules.answer(path, answer, upstream.status);
      response.writeHead(upstream.status, { "content-type": "application/json" });
      response.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
