import { decideValidation } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { base, device } from "./support/lineageFixtures.js";

describe("lease lineage", () => {
  describe("security", () => {
    it("validation by key never serves an existing device without its proof", () => {
      const decided = decideValidation({ ...base, devices: [device()] });
      expect(decided).toMatchObject({ kind: "refuse", problem: { code: "DEVICE_PROOF_REQUIRED" } });
      expect(decideValidation({ ...base, devices: [device()], proven: true }).kind).toBe("serve");
    });
  });
});
