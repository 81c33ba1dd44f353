/**
 * The guard after a fork (`forkGuardRefusal`, `liveLineTakenByKey`): after two copies of one machine were found
 * on a license, the key alone no longer takes a device's live line for FORK_GUARD_DAYS. Attacker: a perfect VM
 * copy with the unmodified SDK and the key, re-activating after the owner moved the license off the fork.
 */
import {
  decideActivation,
  FORK_GUARD_DAYS,
  forkGuardRefusal,
  holdsLiveLine,
  liveLineTakenByKey,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { base, device, NOW, policy } from "./support/lineageFixtures.js";

const DAY_MS = 86_400_000;
const daysBefore = (days: number) => new Date(NOW.getTime() - days * DAY_MS).toISOString();
/** The owner's device as the transfer off the fork made it, refreshed an hour ago: its line is live. */
const owner = device();

describe("the guard after a fork", () => {
  describe("security", () => {
    it("a re-activation by key that would take a live line inside the window is refused, naming the device", () => {
      const decided = decideActivation({ ...base, devices: [owner] });
      const taken = liveLineTakenByKey(decided, policy, NOW);
      expect(taken?.id).toBe(owner.id);
      const forkedAt = daysBefore(30);
      const refusal = taken && forkGuardRefusal(taken, forkedAt, policy, NOW);
      expect(refusal).toMatchObject({
        code: "REACTIVATION_PROOF_REQUIRED",
        params: {
          forkedAt,
          guardEndsAt: new Date(Date.parse(forkedAt) + FORK_GUARD_DAYS * DAY_MS).toISOString(),
        },
        details: { devices: [{ id: owner.id, name: owner.name }], transferable: true },
      });
    });

    it("a superseded lease presented with the key is no proof either: the same line is taken, the same guard", () => {
      const d = device({ leaseCounters: { issued: 6, issuedFrom: 5, lineageFrom: 6 } });
      const decided = decideActivation({ ...base, devices: [d], held: { deviceId: d.id, counter: 4 } });
      expect(decided).toMatchObject({ ok: true, value: { outcome: "recognized", superseded: true } });
      expect(liveLineTakenByKey(decided, policy, NOW)?.id).toBe(d.id);
    });

    it("the last day of the window still refuses; the guard is the license's, whatever device forked", () => {
      const forkedAt = new Date(NOW.getTime() - FORK_GUARD_DAYS * DAY_MS + 1).toISOString();
      expect(forkGuardRefusal(owner, forkedAt, policy, NOW)?.code).toBe("REACTIVATION_PROOF_REQUIRED");
    });
  });

  describe("happy", () => {
    it("a license that never forked re-activates by key as before", () => {
      expect(forkGuardRefusal(owner, undefined, policy, NOW)).toBeUndefined();
    });

    it("the guard lapses FORK_GUARD_DAYS after the fork", () => {
      expect(forkGuardRefusal(owner, daysBefore(FORK_GUARD_DAYS), policy, NOW)).toBeUndefined();
    });

    it("a line past its lease and grace is no copy running: the key takes it as before", () => {
      const stopped = device({ leaseIssuedAt: daysBefore(22) });
      expect(holdsLiveLine(stopped, policy, NOW)).toBe(false);
      expect(forkGuardRefusal(stopped, daysBefore(10), policy, NOW)).toBeUndefined();
    });

    it("only a recognition that starts a new lineage is judged: the device's own lease, a new device are not", () => {
      const own = decideActivation({ ...base, devices: [owner], held: { deviceId: owner.id, counter: 5 } });
      expect(own).toMatchObject({ ok: true, value: { outcome: "recognized", superseded: false } });
      expect(liveLineTakenByKey(own, policy, NOW)).toBeUndefined();
      expect(liveLineTakenByKey(decideActivation({ ...base, devices: [] }), policy, NOW)).toBeUndefined();
    });
  });
});
