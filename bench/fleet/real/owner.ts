import { fingerprintOf } from "../collector.js";
import { type LegitEvent, legitEvents } from "../events.js";
import { boardResolution } from "../oem.js";
import type { Rng } from "../prng.js";
import type { Step } from "../timeline.js";
import { Installation, type Outcome } from "./client.js";
import { bump, emptyCounts } from "./ownerCounts.js";
import type { RealServer } from "./server.js";

/** OEM support: the device's warranty draws, the share of board replacements under warranty, new licenses. */
export interface OemDesk {
  readonly warranty: Rng;
  readonly share: number;
  newKey(): Promise<string>;
}

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
    /** An OEM license: board changes go to support (warranty repair, rebind or a new license). */
    readonly oem?: OemDesk,
  ) {
    this.installation = new Installation(server, key, salt);
  }

  /** The first activation of the device's first machine. */
  async start(step: Extract<Step, { kind: "refresh" }>): Promise<void> {
    const out = await this.installation.activate(fingerprintOf(step.machine));
    if (!out.ok && out.code === "BOUND_COMPONENT_MISSING" && this.oem) this.counts.stranded = true;
    else if (!out.ok) throw new Error(`first activation refused: ${out.code}`);
    this.keep(step.day);
  }

  private keep(day: number): void {
    const lease = this.installation.lease;
    if (lease === undefined || this.leases.at(-1)?.lease === lease) return;
    this.leases.push({ day, lease });
    if (this.leases.length > LEASE_HISTORY) this.leases.shift();
  }

  async step(step: Step): Promise<void> {
    if (step.kind === "attempt" || this.counts.stranded) return;
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
    const out = await this.installation.validate(fp);
    if (out.ok) return;
    const label = event ?? "no change";
    if (restored) this.counts.restoreRefusals++;
    if (out.status === 200) this.lockedOut(restored ? "restore" : label, out.code);
    else bump(this.counts.silent, out.code ?? "?");
    if (out.code === "OEM_BOARD_CHANGED" || out.code === "BOUND_COMPONENT_MISSING") {
      await this.board(fp, event, out.code);
      return;
    }
    await this.recover(fp, event, out.status === 200);
  }

  private lockedOut(label: string, code: string | undefined): void {
    bump(this.counts.lockouts, label);
    bump(this.counts.lockoutCodes, code ?? "?");
  }

  private async recover(
    fp: ReturnType<typeof fingerprintOf>,
    event: LegitEvent | undefined,
    counted: boolean,
  ): Promise<void> {
    const again = await this.installation.activate(fp);
    if (again.ok) {
      this.counts.reactivated++;
      return;
    }
    if (again.code === "OEM_BOARD_CHANGED" || again.code === "BOUND_COMPONENT_MISSING") {
      // The lease had run out (or the match failed) and the board changed too: the activation meets the rule.
      if (!counted) this.lockedOut(event ?? "no change", again.code);
      await this.board(fp, event, again.code);
      return;
    }
    const from = again.devices?.[0] ?? this.installation.deviceId;
    if (again.code !== "DEVICE_LIMIT_REACHED") bump(this.counts.unexpected, `activate:${again.code}`);
    if (from && !this.oem && (await this.transfer(fp, from))) {
      this.counts.transferred++;
      return;
    }
    this.counts.support++;
    await this.supported(fp, from, event);
  }

  /**
   * An OEM license refused for its board: support records a warranty repair through the real route (a board
   * replaced under warranty, or one that only reads differently: the same machine), or sells a new license.
   */
  private async board(fp: ReturnType<typeof fingerprintOf>, event: LegitEvent | undefined, code: string) {
    const oem = this.oem;
    if (!oem || code === "BOUND_COMPONENT_MISSING") {
      if (!oem) bump(this.counts.unexpected, `refresh:${code}`);
      this.counts.stranded = true;
      return;
    }
    this.counts.boardChanged++;
    this.counts.support++;
    const how = boardResolution(event, oem.warranty, oem.share);
    const licenseId = this.installation.licenseId;
    if (how === "new-license" || !licenseId) {
      this.counts.newLicenses++;
      await this.newLicense(fp);
      return;
    }
    if (how === "warranty-repair") this.counts.warrantyRepairs++;
    else this.counts.rebinds++;
    await this.server.warrantyRepair(licenseId, how === "rebind" ? "board reads differently" : "board RMA");
    const out = await this.installation.activate(fp);
    if (!out.ok) bump(this.counts.unexpected, `after repair:${out.code}`);
  }

  /** The OEM user buys (or is given) a new license for the machine, installed with its key. */
  private async newLicense(fp: ReturnType<typeof fingerprintOf>): Promise<void> {
    const key = this.oem ? await this.oem.newKey() : this.key;
    this.installation = new Installation(this.server, key, this.salt);
    this.leases.length = 0;
    const out = await this.installation.activate(fp);
    if (out.code === "BOUND_COMPONENT_MISSING") this.counts.stranded = true;
    else if (!out.ok) bump(this.counts.unexpected, `new license:${out.code}`);
  }

  private async transfer(fp: ReturnType<typeof fingerprintOf>, from: string): Promise<boolean> {
    const code = await this.server.mailedTransferCode(this.installation.key);
    const out: Outcome = await this.installation.transfer(fp, from, code);
    if (!out.ok && out.code !== "TRANSFER_ALLOWANCE_EXHAUSTED" && out.code !== "TRANSFER_NOT_ALLOWED")
      bump(this.counts.unexpected, `transfer:${out.code}`);
    return out.ok;
  }

  /** Support frees the slot by hand (a warranty repair recorded, a customer vouched for) and the user activates. */
  private async supported(
    fp: ReturnType<typeof fingerprintOf>,
    from: string | undefined,
    event?: LegitEvent,
  ): Promise<void> {
    if (from) await this.server.supportDeactivate(from);
    const out = await this.installation.activate(fp);
    // The slot is free, and the board changed too: the same support case goes on with the board.
    if (this.oem && (out.code === "OEM_BOARD_CHANGED" || out.code === "BOUND_COMPONENT_MISSING")) {
      this.counts.support--;
      await this.board(fp, event, out.code);
    } else if (!out.ok) bump(this.counts.unexpected, `after support:${out.code}`);
  }

  /** A new machine: the app is installed there, and the license is moved to it (OEM: it comes with its own). */
  private async replaced(fp: ReturnType<typeof fingerprintOf>): Promise<void> {
    this.counts.replacements++;
    if (this.oem) {
      await this.newLicense(fp);
      return;
    }
    const old = this.installation.deviceId;
    this.installation = new Installation(this.server, this.installation.key, this.salt);
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
