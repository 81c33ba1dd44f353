/** A workload child process using the SDK, and the seats a license holds as the vendor sees them. */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LiveServer } from "../../../../testing/liveServer.js";

const here = fileURLToPath(new URL(".", import.meta.url));

/** Start the workload app; resolves with the child and the seat id it printed. */
export function startWorkload(
  server: LiveServer,
  key: string,
  workloadId: string,
): Promise<{ child: ChildProcess; seatId: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=ninsho-source", join(here, "fixtures", "workload.ts")],
    {
      env: {
        ...process.env,
        SEAT_SERVER_URL: server.url,
        SEAT_KEY: key,
        SEAT_JWKS: JSON.stringify(server.jwks),
        SEAT_WORKLOAD_ID: workloadId,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString("utf8");
  });
  return new Promise((ready, refuse) => {
    // A hang limit, not a speed limit: starting tsx on a loaded machine may take a while.
    const timer = setTimeout(() => refuse(new Error(`workload did not start; stderr: ${err}`)), 60_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const found = /seat (seat_\S+)/.exec(out);
      if (found?.[1]) {
        clearTimeout(timer);
        ready({ child, seatId: found[1] });
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      refuse(new Error(`workload exited (${signal ?? code}) before its seat: ${out} ${err}`));
    });
  });
}

/** Wait for a child to end. */
export const exited = (child: ChildProcess): Promise<void> =>
  new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once("exit", () => done());
  });

/** The ids of the seats a license holds now, from the admin API. */
export async function heldSeatIds(server: LiveServer, licenseId: string): Promise<string[]> {
  const res = await server.admin("GET", `/v1/admin/licenses/${licenseId}/seats?days=1`);
  if (res.status !== 200) throw new Error(`seats: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { held: { id: string }[] }).held.map((s) => s.id);
}

/** Poll `condition` every 100 ms until it holds or `limitMs` passes; whether it held. */
export async function eventually(condition: () => Promise<boolean>, limitMs: number): Promise<boolean> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}
