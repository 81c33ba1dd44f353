import { fingerprintOf } from "../collector.js";
import { type LegitEvent, legitEvents } from "../events.js";
import type { Step } from "../timeline.js";
import { Installation, type Outcome } from "./client.js";
import type { RealServer } from "./server.js";

/** What the real server did to one legitimate device over its life, and what it cost its user and the vendor. */
export interface OwnerCounts {
  refreshes: number;
  /** Refreshes after a change (heaviest change since the previous refresh), by event. */
  checks: Record<string, number>;
  /** Signed refusals (`valid: false`) of a refresh: the app stopped and the user had to act. By event and code. */
  lockouts: Record<string, number>;
  lockoutCodes: Record<string, number>;
  /** Refusals that were not signed verdicts (an expired lease): the SDK activates again by key on its own. */
  silent: Record<string, number>;
  /** How lock-outs were resolved: the key recognised the machine again, a self-service transfer, or support. */
  reactivated: number;
  transferred: number;
  support: number;
  /** Replacement machines: a transfer the user expects (or support, once the allowance is spent). */
  replacements: number;
  replacementSupport: number;
  /** Restores of an earlier state (its lease put back), and those the server refused. */
  restores: number;
  restoreRefusals: number;
  /** Answers nobody expects (an error status on a recovery step), by code: should stay empty. */
  unexpected: Record<string, number>;
  deviceYears: number;
}

export const emptyCounts = (): OwnerCounts => ({
  refreshes: 0,
  checks: {},
  lockouts: {},
  lockoutCodes: {},
  silent: {},
  reactivated: 0,
  transferred: 0,
  support: 0,
  replacements: 0,
  replacementSupport: 0,
  restores: 0,
  restoreRefusals: 0,
  unexpected: {},
  deviceYears: 0,
});

const bump = (r: Record<string, number>, k: string) => {
  r[k] = (r[k] ?? 0) + 1;
};

/** How many recent leases a machine's backups can hold. */
const LEASE_HISTORY = 64;

/**
 * A legitimate user's app on a simulated machine, against the real server: it refreshes at every step of the
 * device's life; after a signed refusal the user does what a real one can (activate again with the key, then a
 * self-service transfer within the allowance, then a support case that frees the slot by hand).
 */
export class Owner {
  installation: Installation;
  readonly counts = emptyCounts();
  private readonly leases: { day: number; lease: string }[] = [];

  constructor(
    readonly server: RealServer,
    readonly key: string,
    readonly salt: string,
    /** The model's OEM board rule (until the server has one): a board change is a support case. */
    readonly oemBoardRule: boolean,
  ) {
    this.installation = new Installation(server, key, salt);
  }

  /** The first activation of the device's first machine. */
  async start(step: Extract<Step, { kind: "refresh" }>): Promise<void> {
    const out = await this.installation.activate(fingerprintOf(step.machine));
    if (!out.ok) throw new Error(`first activation refused: ${out.code}`);
    this.keep(step.day);
  }

  private keep(day: number): void {
    const lease = this.installation.lease;
    if (lease === undefined || this.leases.at(-1)?.lease === lease) return;
    this.leases.push({ day, lease });
    if (this.leases.length > LEASE_HISTORY) this.leases.shift();
  }

  async step(step: Step): Promise<void> {
    if (step.kind === "attempt") return;
    if (step.kind === "restore") {
      this.restore(step.savedOn);
      return;
    }
    this.counts.refreshes++;
    if (step.event) bump(this.counts.checks, step.event);
    const fp = fingerprintOf(step.machine);
    if (step.event === "machine-replaced") await this.replaced(fp);
    else await this.refresh(fp, step.event);
    this.keep(step.day);
  }

  /** The state folder as it was on `savedOn`: the lease held then comes back. */
  private restore(savedOn: number): void {
    const then = this.leases.filter((l) => l.day <= savedOn).at(-1);
    if (!then || then.lease === this.installation.lease) return;
    this.counts.restores++;
    this.installation.lease = then.lease;
    this.restored = true;
  }

  private restored = false;

  private async refresh(fp: ReturnType<typeof fingerprintOf>, event: LegitEvent | undefined): Promise<void> {
    const restored = this.restored;
    this.restored = false;
    const boardChanged = this.oemBoardRule && event === "motherboard-replaced";
    const out = boardChanged
      ? { ok: false, code: "OEM_BOARD_CHANGED (model)", status: 200 }
      : await this.installation.validate(fp);
    if (out.ok) return;
    const label = event ?? "no change";
    if (restored) this.counts.restoreRefusals++;
    if (out.status === 200) {
      bump(this.counts.lockouts, restored ? "restore" : label);
      bump(this.counts.lockoutCodes, out.code ?? "?");
    } else {
      bump(this.counts.silent, out.code ?? "?");
    }
    await this.recover(fp, boardChanged);
  }

  private async recover(fp: ReturnType<typeof fingerprintOf>, supportOnly: boolean): Promise<void> {
    const again = supportOnly ? undefined : await this.installation.activate(fp);
    if (again?.ok) {
      this.counts.reactivated++;
      return;
    }
    const from = again?.devices?.[0] ?? this.installation.deviceId;
    if (again && again.code !== "DEVICE_LIMIT_REACHED")
      bump(this.counts.unexpected, `activate:${again.code}`);
    if (from && !supportOnly && (await this.transfer(fp, from))) {
      this.counts.transferred++;
      return;
    }
    this.counts.support++;
    await this.supported(fp, from);
  }

  private async transfer(fp: ReturnType<typeof fingerprintOf>, from: string): Promise<boolean> {
    const code = await this.server.mailedTransferCode(this.key);
    const out: Outcome = await this.installation.transfer(fp, from, code);
    if (!out.ok && out.code !== "TRANSFER_ALLOWANCE_EXHAUSTED" && out.code !== "TRANSFER_NOT_ALLOWED")
      bump(this.counts.unexpected, `transfer:${out.code}`);
    return out.ok;
  }

  /** Support frees the slot by hand (a warranty repair recorded, a customer vouched for) and the user activates. */
  private async supported(fp: ReturnType<typeof fingerprintOf>, from: string | undefined): Promise<void> {
    if (from) await this.server.supportDeactivate(from);
    const out = await this.installation.activate(fp);
    if (!out.ok) bump(this.counts.unexpected, `after support:${out.code}`);
  }

  /** A new machine: the app is installed there, and the license is moved to it. */
  private async replaced(fp: ReturnType<typeof fingerprintOf>): Promise<void> {
    this.counts.replacements++;
    const old = this.installation.deviceId;
    this.installation = new Installation(this.server, this.key, this.salt);
    this.leases.length = 0;
    const out = await this.installation.activate(fp);
    if (out.ok) return;
    const from = out.devices?.[0] ?? old;
    if (from && (await this.transfer(fp, from))) return;
    this.counts.replacementSupport++;
    await this.supported(fp, from);
  }
}

/** Every legit event, for tables that list them all. */
export const eventLabels: readonly string[] = [...legitEvents, "no change", "restore"];
