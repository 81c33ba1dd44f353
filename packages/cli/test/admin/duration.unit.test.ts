import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "../../src/admin/duration.js";

describe("parseDuration", () => {
  it.each([
    ["30m", 1_800],
    ["12h", 43_200],
    ["7d", 604_800],
    ["2w", 1_209_600],
    ["45s", 45],
    ["1d12h", 129_600],
    ["1h30m", 5_400],
    ["0", 0],
    [" 7D ", 604_800],
  ])("reads %j as %d seconds", (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(["", "7", "d", "7x", "-7d", "1.5d", "7 d", "7d x", "P7D", "99999999999999999999d"])(
    "refuses %j",
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
});

describe("formatDuration", () => {
  it.each([
    [604_800, "7d"],
    [1_209_600, "14d"],
    [5_400, "1h30m"],
    [129_600, "1d12h"],
    [61, "1m1s"],
    [0, "0"],
  ])("writes %d seconds as %j", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it("round-trips through parseDuration", () => {
    for (const seconds of [1, 59, 60, 3_599, 86_400, 90_061, 31_536_000]) {
      expect(parseDuration(formatDuration(seconds))).toBe(seconds);
    }
  });
});
