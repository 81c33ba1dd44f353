import type { SizeProbe } from "./dbsize.js";
import { describeRun, drive, type Run } from "./drive.js";
import { BenchAdmin } from "./fixtures.js";
import { Leases, newMachineBodies, probeBodies } from "./probes.js";
import type { BenchServer } from "./process.js";

/** How a store grew over some rows. */
export interface Growth {
  readonly rows: number;
  readonly bytes: number;
}

export interface LoadSettings {
  readonly connections: number;
  readonly seconds: number;
  /** Seconds of unmeasured load first (0: none). */
  readonly warmup: number;
}

/**
 * One running server, prepared for the four HTTP runs: the probe licenses (one device each) validate by key,
 * activations are new machines on a volume policy, deactivations use those activations' leases once each.
 */
export class BackendBench {
  /** Growth of the store over measured activations (the devices with their events). */
  readonly devices = { rows: 0, bytes: 0 };

  private constructor(
    readonly label: string,
    private readonly server: BenchServer,
    private readonly admin: BenchAdmin,
    private readonly nextValidate: () => string,
    private readonly nextActivate: () => string,
    private readonly size: SizeProbe | undefined,
  ) {}

  static async prepare(o: {
    label: string;
    server: BenchServer;
    probeLicenses: number;
    activationKeys: number;
    size?: SizeProbe;
  }): Promise<BackendBench> {
    const admin = new BenchAdmin(o.server.url, o.server.adminToken);
    const validatePolicy = await admin.policy(`bench validate ${o.label}`, 3);
    const { keys } = await admin.keys(validatePolicy, o.probeLicenses);
    const nextValidate = await probeBodies(admin, keys);
    const activatePolicy = await admin.policy(`bench activate ${o.label}`, 1_000_000);
    const { keys: activationKeys } = await admin.keys(activatePolicy, o.activationKeys);
    return new BackendBench(o.label, o.server, admin, nextValidate, newMachineBodies(activationKeys), o.size);
  }

  private run(path: string, body: () => string, s: LoadSettings, more: object = {}): Promise<Run> {
    const { connections, seconds, warmup } = s;
    return drive({ url: this.server.url, path, body, connections, seconds, warmup, ...more });
  }

  private log(route: string, run: Run): Run {
    console.log(`${this.label} ${route}: ${describeRun(run)}`);
    return run;
  }

  /** The floor route with a validation body: parses it and answers, nothing else. */
  async floor(s: LoadSettings): Promise<Run> {
    const body = this.nextValidate();
    return this.log("floor", await this.run("/_bench/floor", () => body, s));
  }

  async validate(s: LoadSettings): Promise<Run> {
    return this.log("validate", await this.run("/v1/validate", this.nextValidate, s));
  }

  /** Activations of new machines, then deactivations of each by its lease; the store's growth between. */
  async activateThenDeactivate(s: LoadSettings): Promise<{ activate: Run; deactivate: Run }> {
    if (s.warmup > 0)
      await this.run("/v1/activations", this.nextActivate, { ...s, seconds: s.warmup, warmup: 0 });
    const leases = new Leases();
    const before = await this.size?.();
    const activate = await this.run(
      "/v1/activations",
      this.nextActivate,
      { ...s, warmup: 0 },
      { onAnswer: leases.keep },
    );
    const after = await this.size?.();
    if (before !== undefined && after !== undefined) {
      this.devices.rows += leases.count;
      this.devices.bytes += after - before;
    }
    this.log("activate", activate);
    const deactivate = await this.run(
      "/v1/deactivations",
      leases.deactivation,
      { ...s, warmup: 0 },
      { amount: leases.count },
    );
    return { activate, deactivate: this.log("deactivate", deactivate) };
  }

  /** The store's growth over issuing `count` more keys. */
  async licenseGrowth(count: number): Promise<Growth | undefined> {
    if (!this.size || count <= 0) return undefined;
    const policy = await this.admin.policy("bench size", 3);
    const before = await this.size();
    await this.admin.keys(policy, count, false);
    return { rows: count, bytes: (await this.size()) - before };
  }
}
