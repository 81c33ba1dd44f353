/**
 * A real Ninsho server (`startServer` from @ninsho/server: HTTP on a port, SQLite in a temp folder) that a
 * test can stop and start again on the same port and data, as an outage and its recovery look to a client.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PublicJwk } from "@ninsho/core";
import { type RunningServer, startServer } from "@ninsho/server";
import { pino } from "pino";

export interface LiveServer {
  readonly url: string;
  readonly port: number;
  readonly productId: string;
  readonly policyId: string;
  readonly demoKey: string;
  readonly jwks: { keys: PublicJwk[] };
  /** A fresh license under the demo policy (3 devices, 7-day lease, 14-day grace): its key and id. */
  newLicense(): Promise<{ key: string; id: string }>;
  /** Call the admin API with the seeded admin token. */
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
  /** Start again on the same port and data folder. */
  start(): Promise<void>;
  /** Stop and remove the data. */
  dispose(): Promise<void>;
}

const quiet = { print: () => undefined, logger: pino({ level: "silent" }) };

export async function startLiveServer(): Promise<LiveServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "ninsho-sdk-server-"));
  let running: RunningServer | undefined = await startServer({ dataDir, port: 0, ...quiet });
  const seeded = running.seeded;
  if (!seeded) throw new Error("a first start seeds a demo product");
  const url = running.url;
  const port = Number(new URL(url).port);
  const jwks = (await (await fetch(`${url}/.well-known/jwks.json`)).json()) as { keys: PublicJwk[] };

  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${seeded.adminToken}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };

  return {
    url,
    port,
    productId: seeded.productId,
    policyId: seeded.policyId,
    demoKey: seeded.demoKey,
    jwks,
    admin,
    async newLicense() {
      const res = await admin("POST", "/v1/admin/licenses", { policyId: seeded.policyId, count: 1 });
      const license = (res.body as { licenses?: { key: string; id: string }[] }).licenses?.[0];
      if (res.status !== 201 || !license) throw new Error(`issuing a license failed: ${res.status}`);
      return { key: license.key, id: license.id };
    },
    async stop() {
      await running?.close();
      running = undefined;
    },
    async start() {
      running ??= await startServer({ dataDir, port, ...quiet });
    },
    async dispose() {
      await running?.close();
      running = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
