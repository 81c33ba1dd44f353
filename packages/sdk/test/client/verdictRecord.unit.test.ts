import { describe, expect, it } from "vitest";
import { seed } from "../../src/client/problem.js";
import { newestOf, type VerdictRecord } from "../../src/client/storage/verdictRecord.js";

const base: VerdictRecord = {
  productId: "prd_test",
  deviceId: "dev_a",
  answeredAtMs: 1_000,
  serverMarkMs: 1_000,
  localMarkMs: 5_000,
};
const revoked: VerdictRecord = {
  ...base,
  verdict: { state: "revoked", seed: seed("LICENSE_REVOKED"), at: 1_000 },
};

describe("the record written over the one kept never goes backwards", () => {
  it("another process with an older answer keeps the newer answer and the higher marks", () => {
    const older = { ...base, answeredAtMs: 500, serverMarkMs: 500, localMarkMs: 9_000 };
    expect(newestOf(revoked, older)).toEqual({ ...revoked, localMarkMs: 9_000 });
  });

  it("a newer answer replaces the kept one; its own local mark stands (a fresh signed time may lower it)", () => {
    const newer = { ...base, answeredAtMs: 2_000, serverMarkMs: 2_000, localMarkMs: 2_000 };
    expect(newestOf(revoked, newer)).toEqual(newer);
  });

  it("the same answer with the verdict forgotten locally (uninstallKey) keeps the verdict", () => {
    const { deviceId: _gone, ...forgotten } = base;
    expect(newestOf(revoked, forgotten)).toEqual(revoked);
  });

  it("the same answer after a grant signed later (a license file) clears the verdict", () => {
    const file = { ...base, serverMarkMs: 1_500 };
    expect(newestOf(revoked, file)).toEqual(file);
  });
});
