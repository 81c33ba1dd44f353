import { tableMismatches } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { serverMessages } from "../src/i18n/index.js";

describe("the server's own words: one ICU table per language", () => {
  it("has every key in both languages, valid ICU with the same arguments", () => {
    expect(tableMismatches(serverMessages)).toEqual([]);
  });
});
