import { decideActivation, decideValidation, startLineage } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { base, device } from "./support/lineageFixtures.js";

describe("lease lineage", () => {
  describe("happy", () => {
    it("a re-activation by key starts a lineage; the device's own lease keeps it", () => {
      expect(startLineage({ issued: 7, issuedFrom: 6 })).toEqual({
        issued: 8,
        issuedFrom: 7,
        lineageFrom: 8,
      });
      const byKey = decideActivation({ ...base, devices: [device()] });
      if (!byKey.ok || byKey.value.outcome !== "recognized") throw new Error("not recognised");
      expect(byKey.value).toMatchObject({ superseded: true, next: { leaseCounters: { lineageFrom: 6 } } });
      const withLease = decideActivation({
        ...base,
        devices: [device()],
        held: { deviceId: "dev_a", counter: 5 },
      });
      if (!withLease.ok || withLease.value.outcome !== "recognized") throw new Error("not recognised");
      expect(withLease.value.superseded).toBe(false);
      expect(withLease.value.next.leaseCounters).toEqual({ issued: 6, issuedFrom: 5 });
    });

    it("the current lineage's lease is served", () => {
      const d = device({ leaseCounters: { issued: 6, issuedFrom: 5, lineageFrom: 6 } });
      expect(decideValidation({ ...base, held: { device: d, counter: 6 } }).kind).toBe("serve");
    });
  });
});
