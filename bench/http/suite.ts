import type { SizeProbe } from "./dbsize.js";
import { describeRun, drive, type Run } from "./drive.js";
import { BenchAdmin } from "./fixtures.js";
import { Leases } from "./probes.js";
import type { BenchServer } from "./process.js";
import { SeatBench } from "./seats.js";
import type { Traffic } from "./traffic.js";

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

const run = (url: string, path: string, body: () => string, s: LoadSettings, more: object = {}) =>
  drive({ url, path, body, connections: s.connections, seconds: s.seconds, warmup: s.warmup, ...more });

/** A floor server that does no work (bare node:http, bare framework route): only its floor is loaded. */
export class FloorBench {
  constructor(
    readonly label: string,
    private readonly server: BenchServer,
    private readonly body: string,
  ) {}

  async floor(s: LoadSettings): Promise<Run> {
    const measured = await run(this.server.url, "/_bench/floor", () => this.body, s);
    console.log(`${this.label} floor: ${describeRun(measured)}`);
    return measured;
  }
}

/**
 * What a validation answers when it comes back right: `valid: true` (200), or, by key, DEVICE_PROOF_REQUIRED
 * (a seed whose devices registered no key cannot prove itself by key): its status is then counted as this
 * route's answer. Anything else stops the bench: a bench of refusals would measure nothing. (A busy server is
 * waited for.)
 */
async function expectedStatus(url: string, body: () => string, what: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${url}/v1/validate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: body(),
    });
    const answer = (await res.json()) as {
      valid?: boolean;
      error?: { code?: string };
      problem?: { code?: string };
    };
    if (res.status === 200 && answer.valid === true) return 200;
    if ((answer.error ?? answer.problem)?.code === "DEVICE_PROOF_REQUIRED" && what === "by key") {
      console.log(
        `bench: validation by key answers ${res.status} DEVICE_PROOF_REQUIRED (the device has no key to prove)`,
      );
      return res.status;
    }
    if (res.status !== 503 || attempt >= 5)
      throw new Error(`bench validation ${what} is not valid: ${res.status} ${JSON.stringify(answer)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(res.headers.get("retry-after") ?? 1)));
  }
}

/**
 * One app server on a copy of a seeded data set: its own floor route (a diagnostic: every global middleware,
 * no work), validation by lease and by key over all the seeded licenses at random, the mixed run, then
 * activations of new machines and deactivations of each by its lease.
 */
export class BackendBench {
  /** Growth of the store over measured activations (the devices with their events). */
  readonly devices = { rows: 0, bytes: 0 };

  private constructor(
    readonly label: string,
    private readonly server: BenchServer,
    private readonly traffic: Traffic,
    private readonly size: SizeProbe | undefined,
    /** The status validation by key answers with (200, or DEVICE_PROOF_REQUIRED's). */
    readonly keyStatus: number,
    /** Seat check-outs and heartbeats on a floating pool of this server. */
    readonly seats: SeatBench,
  ) {}

  static async prepare(o: {
    label: string;
    server: BenchServer;
    traffic: Traffic;
    size?: SizeProbe;
  }): Promise<BackendBench> {
    await expectedStatus(o.server.url, o.traffic.byLease, "by lease");
    const keyStatus = await expectedStatus(o.server.url, o.traffic.byKey, "by key");
    const seats = await SeatBench.prepare(o.label, o.server);
    return new BackendBench(o.label, o.server, o.traffic, o.size, keyStatus, seats);
  }

  private log(route: string, measured: Run): Run {
    console.log(`${this.label} ${route}: ${describeRun(measured)}`);
    return measured;
  }

  /** The app's own floor route with a validation body: parses it and answers, nothing else. */
  async floor(s: LoadSettings): Promise<Run> {
    const body = this.traffic.floorBody();
    return this.log("app floor", await run(this.server.url, "/_bench/floor", () => body, s));
  }

  async validateByLease(s: LoadSettings): Promise<Run> {
    return this.log("validate by lease", await run(this.server.url, "/v1/validate", this.traffic.byLease, s));
  }

  async validateByKey(s: LoadSettings): Promise<Run> {
    const also = this.keyStatus === 200 ? {} : { alsoCount: this.keyStatus };
    const measured = await run(this.server.url, "/v1/validate", this.traffic.byKey, s, also);
    return this.log("validate by key", measured);
  }

  /** 95% validations by lease, 4% by key, 1% new activations, in one run. */
  async mixed(s: LoadSettings): Promise<Run> {
    const first = this.traffic.mixed();
    const measured = await run(this.server.url, first.path, () => first.body, s, {
      shot: this.traffic.mixed,
    });
    return this.log("mixed", measured);
  }

  /** Activations of new machines, then deactivations of each by its lease; the store's growth between. */
  async activateThenDeactivate(s: LoadSettings): Promise<{ activate: Run; deactivate: Run }> {
    const url = this.server.url;
    if (s.warmup > 0)
      await run(url, "/v1/activations", this.traffic.activation, { ...s, seconds: s.warmup, warmup: 0 });
    const leases = new Leases(this.traffic.deviceKeyFor);
    const before = await this.size?.();
    const activate = await run(
      url,
      "/v1/activations",
      this.traffic.activation,
      { ...s, warmup: 0 },
      { onAnswer: leases.keep },
    );
    const after = await this.size?.();
    if (before !== undefined && after !== undefined) {
      this.devices.rows += leases.count;
      this.devices.bytes += after - before;
    }
    this.log("activate", activate);
    if (leases.count === 0) {
      // Not one activation answered within the run (a starved machine): nothing to deactivate.
      const none: Run = { rps: 0, p50: 0, p99: 0, ok: 0, non2xx: 0, errors: 0, seconds: 0 };
      return { activate, deactivate: this.log("deactivate", none) };
    }
    const deactivate = await run(
      url,
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
    const admin = new BenchAdmin(this.server.url, this.server.adminToken);
    const policy = await admin.policy("bench size", 3);
    const before = await this.size();
    await admin.keys(policy, count, false);
    return { rows: count, bytes: (await this.size()) - before };
  }
}
