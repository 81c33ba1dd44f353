import { dayStart } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { seed } from "../../src/client/problem.js";
import { predatesVerdict } from "../../src/offline/phoneLease.js";

const DAY = 20_000; // an installation ID's day number (days since 1970-01-01 UTC)
const start = dayStart(DAY).getTime();
const revoked = { state: "revoked" as const, seed: seed("LICENSE_REVOKED"), at: start };

describe("predatesVerdict: a confirmation is no older than its installation ID's day", () => {
  it("without a verdict nothing predates it", () => {
    expect(predatesVerdict({ lastServerTimeMs: start + 1 }, DAY)).toBe(false);
  });

  it("an ID of the verdict's day or before may predate it; one whose day begins after it cannot", () => {
    const state = { verdict: revoked, lastServerTimeMs: start + 10 * 3_600_000 };
    expect(predatesVerdict(state, DAY - 1)).toBe(true);
    expect(predatesVerdict(state, DAY)).toBe(true);
    expect(predatesVerdict(state, DAY + 1)).toBe(false);
    // A verdict given at 00:00 sharp: the day's confirmation may have come just before it.
    expect(predatesVerdict({ verdict: revoked, lastServerTimeMs: start }, DAY)).toBe(true);
  });

  it("a verdict without a signed time refuses every confirmation", () => {
    expect(predatesVerdict({ verdict: revoked }, DAY + 1000)).toBe(true);
  });
});
