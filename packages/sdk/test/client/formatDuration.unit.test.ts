import { describe, expect, it } from "vitest";
import { formatDuration } from "../../src/client/duration.js";

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe("formatDuration", () => {
  it("names the largest unit and the one right below it", () => {
    expect(formatDuration(6 * day + 5 * hour + 7 * minute, "en")).toBe("6 days 5 hours");
    expect(formatDuration(5 * hour + 12 * minute, "en")).toBe("5 hours 12 minutes");
    expect(formatDuration(90_000, "ja")).toBe("1 分 30 秒");
  });

  it("stops at a zero unit instead of skipping to a smaller one (30 days 0 hours 5 minutes is '30 days')", () => {
    expect(formatDuration(30 * day + 5 * minute, "en")).toBe("30 days");
    expect(formatDuration(1 * day + 59 * 1000, "en")).toBe("1 day");
    expect(formatDuration(2 * hour + 30 * 1000, "ja")).toBe("2 時間");
  });

  it("says 0 seconds for nothing left, never an empty phrase", () => {
    expect(formatDuration(0, "en")).toBe("0 seconds");
    expect(formatDuration(-5, "en")).toBe("0 seconds");
    expect(formatDuration(999, "en")).toBe("0 seconds");
  });
});
