/** Test machines (fingerprint files), state folders, and runs of `ninsho device …`. */
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ComponentSet, Fingerprint } from "@ninsho/core";
import type { LiveServer } from "../../../../../testing/liveServer.js";
import { type CliRun, runCli, spawnCli } from "../../admin/support/harness.js";

export const KINDS = ["board", "disk", "mac", "os-install", "cpu", "ram"] as const;

/** A machine's component set: digests derived from its name, so one name is always one machine. */
export function componentSet(
  name: string,
  collector = "test/1",
  changed: Record<string, string> = {},
): ComponentSet {
  const digest = (kind: string) =>
    createHash("sha256")
      .update(`${changed[kind] ?? name}:${kind}:${collector}`)
      .digest("hex");
  return { collector, components: KINDS.map((kind) => ({ kind, digest: digest(kind) })) };
}

/** One test device: its state folder, its fingerprint file, and the environment that points the CLI at both. */
export interface TestDevice {
  readonly dir: string;
  readonly fingerprintFile: string;
  readonly env: Record<string, string>;
  /** Report this fingerprint from now on (a part replaced, a collector upgraded). */
  setFingerprint(fingerprint: Fingerprint): void;
  /** `ninsho device …args` in this process. */
  run(args: readonly string[], extra?: Record<string, string>): Promise<CliRun>;
  /** `node packages/cli/bin/ninsho.js device …args`: the built binary. */
  spawn(args: readonly string[], extra?: Record<string, string>): Promise<CliRun>;
}

/** A device of `server`'s demo product named `name` (its fingerprint), in a fresh folder, in English. */
export function testDevice(server: Pick<LiveServer, "url" | "productId">, name = "machine-a"): TestDevice {
  const dir = mkdtempSync(join(tmpdir(), "ninsho-device-"));
  const fingerprintFile = join(mkdtempSync(join(tmpdir(), "ninsho-fp-")), "fingerprint.json");
  const setFingerprint = (fingerprint: Fingerprint) =>
    writeFileSync(
      fingerprintFile,
      JSON.stringify({ fingerprint, environment: { kind: "physical", hint: "test" } }),
    );
  setFingerprint(componentSet(name));
  const env = {
    NINSHO_URL: server.url,
    NINSHO_PRODUCT: server.productId,
    NINSHO_DEVICE_DIR: dir,
    NINSHO_DEVICE_FINGERPRINT: fingerprintFile,
    LANG: "en_US.UTF-8",
    // The SDK's verdict records (outside the state folder): the spawned binary keeps them where this process does.
    ...(process.env.XDG_DATA_HOME === undefined ? {} : { XDG_DATA_HOME: process.env.XDG_DATA_HOME }),
  };
  return {
    dir,
    fingerprintFile,
    env,
    setFingerprint,
    run: (args, extra = {}) => runCli(["device", ...args], { ...env, ...extra }),
    spawn: (args, extra = {}) => spawnCli(["device", ...args], { ...env, ...extra }),
  };
}

/** Parse a run's stdout as JSON, failing with what was printed when it is not. */
export function json<T>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** The doctor's JSON report, as the tests read it. */
export interface DoctorJson {
  readonly healthy: boolean;
  readonly online: string;
  readonly checks: {
    readonly check: string;
    readonly outcome: string;
    readonly code?: string;
    readonly message: string;
    readonly lines?: string[];
    readonly remedy?: string;
    readonly remedyNumber?: number;
    readonly details?: unknown;
  }[];
  readonly remedies: { readonly number: number; readonly code: string; readonly text: string }[];
}

/** The doctor's finding of one check. */
export function finding(report: DoctorJson, check: string) {
  const found = report.checks.find((c) => c.check === check);
  if (!found) throw new Error(`no ${check} check in ${JSON.stringify(report)}`);
  return found;
}

/** A device installed and activated on a fresh license of `server`. */
export async function activatedDevice(
  server: LiveServer,
  name = "machine-a",
  policyId?: string,
  ownerEmail?: string,
) {
  const device = testDevice(server, name);
  const license = await server.newLicense(policyId, ownerEmail);
  const installed = await device.run(["install-key", license.key]);
  if (installed.code !== 0) throw new Error(`install-key: ${installed.stderr}`);
  const activated = await device.run(["activate", "--json"]);
  if (activated.code !== 0) throw new Error(`activate: ${activated.stderr}`);
  const deviceId = json<{ status: { deviceId: string } }>(activated).status.deviceId;
  return { device, license, deviceId };
}
