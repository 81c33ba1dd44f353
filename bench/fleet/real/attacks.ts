import {
  compareFingerprint,
  DEFAULT_MATCH_THRESHOLD,
  defaultComponentWeights,
  type Fingerprint,
} from "@ninsho/core";
import { fingerprintOf } from "../collector.js";
import { refreshGap } from "../lineage.js";
import type { Machine } from "../machine.js";
import type { Rng } from "../prng.js";
import type { Capability } from "./capabilities.js";
import { Installation, type Outcome } from "./client.js";
import { DAY_MS, EPOCH_MS, type RealServer } from "./server.js";

/** Days a lease lets the app run offline after it is issued: the lease (7) and its grace (14). */
const RUNS_FOR = 21;

/** One side of an attack: a machine, its app, and until when its last answer lets it run. */
interface Party {
  readonly inst: Installation;
  readonly fp: Fingerprint;
  readonly pOn: number;
  next: number;
  runsUntil: number;
  /** Days it could not run while on (the owner), or ran (the copy). */
  days: number;
  served: number;
  refusals: number;
  support: number;
}

export interface AttackOutcome {
  /** The server served the copy at least once (a lease or a valid answer). */
  readonly ran: boolean;
  /** Days the copy ran (on the copied lease and any it was given). */
  readonly copyDays: number;
  /** Days the owner's machine was on and could not run. */
  readonly ownerDaysLost: number;
  /** Refusals and codes the copy met, for the report. */
  readonly codes: readonly string[];
  /** Times the owner was refused and had to act (activate again, transfer, or call support), and support cases. */
  readonly ownerRefusals: number;
  readonly ownerSupport: number;
}

/**
 * One attack on a fresh license: the owner activates on day 0 and refreshes by lease as the SDK does; on day
 * `start` the copy appears and acts as `cap` says; both are followed for `days` days on the real server.
 */
export async function runAttack(
  server: RealServer,
  key: string,
  salt: string,
  owner: Machine,
  cap: Capability,
  rng: Rng,
  days: number,
): Promise<AttackOutcome> {
  const start = 30;
  // Each attack has its own stretch of the server's time, starting where the previous one ended.
  const baseDay = Math.ceil((server.now.getTime() - EPOCH_MS) / DAY_MS) + 1;
  const move = (day: number) => server.at(baseDay + day);
  const ownerFp = fingerprintOf(owner);
  const o: Party = {
    inst: new Installation(server, key, salt),
    fp: ownerFp,
    pOn: 0.4 + 0.6 * rng.next(),
    next: 0,
    runsUntil: 0,
    days: 0,
    served: 0,
    refusals: 0,
    support: 0,
  };
  const codes: string[] = [];
  move(0);
  const first = await o.inst.activate(o.fp);
  if (!first.ok) throw new Error(`owner activation refused: ${first.code}`);
  o.runsUntil = RUNS_FOR;
  o.next = refreshGap(rng, o.pOn);
  let c: Party | undefined;
  for (let day = 0; day < days; day++) {
    if (day === start) {
      const m = cap.machine(owner, rng);
      const own = fingerprintOf(m);
      const inst = cap.copiesState ? o.inst.clone() : new Installation(server, key, salt);
      // The SDK checks a copied lease against this machine before it runs: another machine's lease runs nowhere.
      const bound = compareFingerprint(
        ownerFp.components,
        own,
        defaultComponentWeights,
        DEFAULT_MATCH_THRESHOLD,
      );
      if (cap.rewritten) inst.trustsAnyAnswer = cap.refresh === "relay";
      c = {
        inst,
        fp: cap.present ? cap.present(own, ownerFp) : own,
        pOn: 0.4 + 0.6 * rng.next(),
        // A copied state folder refreshes when the owner's was due; a copy with the key alone starts at once.
        next: cap.copiesState ? o.next : day,
        runsUntil: cap.copiesState && bound.sameDevice ? o.runsUntil : day,
        days: 0,
        served: 0,
        refusals: 0,
        support: 0,
      };
    }
    for (const p of c ? [o, c] : [o]) {
      const on = rng.chance(p.pOn);
      if (!on) continue;
      const isCopy = p === c;
      if (day >= p.next || day >= p.runsUntil) {
        move(day + rng.next() * 0.9);
        const out = isCopy ? await copyRefresh(p, cap, o) : await ownerRefresh(p);
        if (out.ok) {
          p.runsUntil = day + RUNS_FOR;
          p.served++;
        } else if (out.signed) {
          // A signed refusal: the SDK stops the app at once.
          p.runsUntil = day;
          if (isCopy) codes.push(out.code ?? "?");
        } else if (isCopy) {
          codes.push(out.code ?? "?");
        }
        p.next = day + refreshGap(rng, p.pOn);
      }
      const running = day < p.runsUntil;
      if (isCopy && running) p.days++;
      if (!isCopy && !running) p.days++;
    }
  }
  return {
    ran: (c?.served ?? 0) > 0,
    copyDays: c?.days ?? 0,
    ownerDaysLost: o.days,
    codes,
    ownerRefusals: o.refusals,
    ownerSupport: o.support,
  };
}

interface Refreshed extends Outcome {
  /** A signed verdict the SDK acts on (a `valid: false` answer), as opposed to an error answer. */
  readonly signed: boolean;
}

const signedOf = (out: Outcome): Refreshed => ({ ...out, signed: !out.ok && out.status === 200 });

/**
 * The owner refreshes as the SDK does and, when refused, activates again, then moves the license to this
 * machine (from the device holding the slot, or its own forked one), then calls support, who frees the slot
 * for the buyer.
 */
async function ownerRefresh(p: Party): Promise<Refreshed> {
  const out = signedOf(await p.inst.validate(p.fp));
  if (out.ok) return out;
  p.refusals++;
  const again = await p.inst.activate(p.fp);
  if (again.ok) return signedOf(again);
  const from = again.devices?.[0] ?? p.inst.deviceId;
  if (!from) return out;
  const moved = await p.inst.transfer(p.fp, from, await p.inst.server.mailedTransferCode(p.inst.key));
  if (moved.ok) return signedOf(moved);
  p.support++;
  await p.inst.server.supportDeactivate(from);
  return signedOf(await p.inst.activate(p.fp));
}

async function copyRefresh(p: Party, cap: Capability, owner: Party): Promise<Refreshed> {
  let out: Outcome;
  if (cap.refresh === "key") out = await p.inst.validateByKey(p.fp);
  else if (cap.refresh === "relay") {
    // The owner's machine makes the request with its own fingerprint and secret; the copy takes the lease.
    // The relay uses the owner's own state, so the owner's line goes on; the copy takes the lease it is given.
    out = await owner.inst.validate(owner.fp);
    if (out.ok) p.inst.lease = owner.inst.lease;
  } else out = p.inst.lease ? await p.inst.validate(p.fp) : { ok: false, code: "NO_LEASE", status: 0 };
  if (out.ok || cap.persistence === "stop") return signedOf(out);
  // The copy's user deleted its state to activate again: refused, it has no lease left to run on.
  const stopped = (refused: Outcome): Refreshed => ({ ...refused, signed: !refused.ok });
  const again = await p.inst.activate(p.fp);
  if (again.ok || cap.persistence !== "transfer") return stopped(again);
  const from = again.devices?.[0];
  if (!from) return stopped(again);
  // The copy's user holds the key but not the owner's mailbox: the transfer goes without a code.
  return stopped(await p.inst.transfer(p.fp, from));
}
