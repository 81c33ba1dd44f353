/**
 * The whole volume chain on real parts: a vendor server (testing/liveServer.ts) with a volume license, a relay
 * initialised with the server's JWKS, a grant the server issues for the relay's request file, and the relay
 * listening on a loopback port.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { initRelayFiles, openRelay, type RunningRelay, startRelay } from "@ninsho/relay";
import type { LiveServer } from "../../../../testing/liveServer.js";

/** A relay under a grant the live server issued for `maxDevices` devices. */
export async function relayOf(server: LiveServer, maxDevices: number) {
  const policyId = await server.newPolicy({ name: "Volume", channel: "volume", maxDevices });
  const license = await server.newLicense(policyId);
  const dir = mkdtempSync(join(tmpdir(), "ninsho-sdk-relay-"));
  const dataDir = join(dir, "data");
  const request = initRelayFiles(dataDir, JSON.stringify(server.jwks));
  const issued = await server.admin("POST", "/v1/admin/volume-grants", {
    licenseId: license.id,
    relayKey: request.relayKey,
    customer: "Plant 4",
    expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString(),
  });
  if (issued.status !== 201) throw new Error(`grant: ${issued.status} ${JSON.stringify(issued.body)}`);
  const grantFile = join(dir, "plant4.grant");
  writeFileSync(grantFile, (issued.body as { grant: string }).grant);
  let running: RunningRelay | undefined;
  const start = async (port = 0) => {
    const ctx = openRelay({ dataDir, grantFile });
    if (!ctx.ok) throw new Error(`relay: ${ctx.error.code}`);
    running = await startRelay(ctx.value, { port, host: "127.0.0.1" });
    return running;
  };
  return {
    licenseId: license.id,
    start,
    async stop() {
      await running?.close();
      running = undefined;
    },
    async dispose() {
      await running?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A machine as the SDK's collectors would report it. */
export const aMachine = (name: string) => ({
  fingerprint: {
    collector: "test/1",
    components: ["board", "disk", "mac"].map((kind) => ({ kind, digest: randomBytes(32).toString("hex") })),
  },
  device: { name, platform: "linux" },
});
