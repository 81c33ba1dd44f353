import { checkLeaseCounter, decideActivation, decideValidation } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { base, device, NOW, seconds } from "./support/lineageFixtures.js";

describe("lease lineage", () => {
  describe("error", () => {
    it("a superseded lease is refused with LEASE_SUPERSEDED and remembered; asking again is no second strike", () => {
      const d = device({ leaseCounters: { issued: 6, issuedFrom: 5, lineageFrom: 6 } });
      const first = decideValidation({ ...base, held: { device: d, counter: 5 } });
      expect(first).toMatchObject({ kind: "strike", problem: { code: "LEASE_SUPERSEDED" } });
      if (first.kind !== "strike") throw new Error(first.kind);
      expect(first.next.leaseCounters).toMatchObject({ suspectedAt: seconds, suspectedCounter: 5 });
      const again = decideValidation({ ...base, held: { device: first.next, counter: 5 } });
      expect(again).toMatchObject({ kind: "strike", problem: { code: "LEASE_SUPERSEDED" } });
    });

    it("another superseded line while the strike stands is the fork, kept on the device", () => {
      const counters = {
        issued: 8,
        issuedFrom: 7,
        lineageFrom: 8,
        suspectedAt: seconds - 60,
        suspectedCounter: 5,
      };
      const d = device({ leaseCounters: counters });
      expect(checkLeaseCounter(counters, 6, seconds, 21 * 86_400)).toBe("forked");
      const forked = decideValidation({ ...base, held: { device: d, counter: 6 } });
      expect(forked).toMatchObject({ kind: "strike", problem: { code: "DEVICE_FORKED" } });
      if (forked.kind !== "strike") throw new Error(forked.kind);
      expect(forked.next.forkedAt).toBe(NOW.toISOString());
      // Once forked, the newest lease, a key and a re-activation all answer DEVICE_FORKED.
      const f = forked.next;
      expect(decideValidation({ ...base, held: { device: f, counter: 8 } })).toMatchObject({
        problem: { code: "DEVICE_FORKED" },
      });
      expect(decideValidation({ ...base, devices: [f] })).toMatchObject({
        problem: { code: "DEVICE_FORKED" },
      });
      expect(decideActivation({ ...base, devices: [f] })).toMatchObject({
        ok: true,
        value: { outcome: "forked" },
      });
    });
  });
});
