import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import { displayWidth, fields, table } from "../../src/admin/format.js";
import { summarize } from "../../src/admin/licenseView.js";
import { detectLocale } from "../../src/admin/locale.js";
import { expiry, fraction, instant, positiveInt, weights, wholeNumber } from "../../src/admin/parse.js";

describe("option parsers", () => {
  it("reads whole numbers and refuses the rest as usage errors", () => {
    expect(positiveInt("1000000")).toBe(1_000_000);
    expect(wholeNumber("0")).toBe(0);
    for (const bad of ["0", "-1", "1.5", "1e3", "", "ten"]) {
      expect(() => positiveInt(bad)).toThrow(InvalidArgumentError);
    }
  });

  it("reads a threshold between 0 and 1", () => {
    expect(fraction("0.55")).toBe(0.55);
    expect(fraction("1")).toBe(1);
    for (const bad of ["0", "1.1", "-0.5", "", "half"])
      expect(() => fraction(bad)).toThrow(InvalidArgumentError);
  });

  it("reads component weights", () => {
    expect(weights("board=30,disk=20")).toEqual({ board: 30, disk: 20 });
    expect(weights("os-install=12.5")).toEqual({ "os-install": 12.5 });
    for (const bad of ["board", "board=x", "=3", "Board=3", "board=3,"]) {
      expect(() => weights(bad)).toThrow(InvalidArgumentError);
    }
  });

  it("reads an expiry: none, a date, or a duration", () => {
    expect(expiry("none")).toEqual({ kind: "none" });
    expect(expiry("365d")).toEqual({ kind: "duration", seconds: 365 * 86_400 });
    expect(expiry("2027-01-01")).toEqual({ kind: "fixed", at: "2027-01-01T00:00:00.000Z" });
    expect(() => expiry("soon")).toThrow(InvalidArgumentError);
  });

  it("reads instants as dates (00:00 UTC) or ISO times with an offset", () => {
    expect(instant("2027-12-31")).toBe("2027-12-31T00:00:00.000Z");
    expect(instant("2027-12-31T09:00:00+09:00")).toBe("2027-12-31T00:00:00.000Z");
    for (const bad of ["2027-02-30", "2027-12-31T09:00:00", "31/12/2027", "tomorrow"]) {
      expect(() => instant(bad)).toThrow(InvalidArgumentError);
    }
  });
});

describe("detectLocale", () => {
  it("follows LC_ALL, then LC_MESSAGES, then LANG", () => {
    expect(detectLocale({ LANG: "ja_JP.UTF-8" })).toBe("ja");
    expect(detectLocale({ LC_ALL: "ja_JP.UTF-8", LANG: "en_US.UTF-8" })).toBe("ja");
    expect(detectLocale({ LC_ALL: "C", LANG: "ja_JP.UTF-8" })).toBe("en");
    expect(detectLocale({ LC_ALL: "", LC_MESSAGES: "ja", LANG: "en_US" })).toBe("ja");
    expect(detectLocale({})).toBe("en");
  });
});

describe("human output", () => {
  it("aligns columns by display width, Japanese counting double", () => {
    expect(displayWidth("名前")).toBe(4);
    expect(table(["名前", "ID"], [["a", "1"]])).toEqual(["名前  ID", "a     1"]);
    expect(
      fields([
        ["ID", "x"],
        ["所有者", "y"],
        ["skip", undefined],
      ]),
    ).toEqual(["ID      x", "所有者  y"]);
  });

  it("summarizes the plain facts of an event", () => {
    expect(summarize({ from: null, to: "2030-01-01", decision: { score: 1 } })).toBe(
      "from=null to=2030-01-01",
    );
  });
});
