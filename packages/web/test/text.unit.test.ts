import { channels, eventTypes, formatMessage, type Locale, tableMismatches } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { textFor } from "../src/text/index.js";
import { wordsFor } from "../src/words/index.js";

/** A language's words as one flat table (`page.submit`, `client.states.active`), as every package's are checked. */
function flat(locale: Locale, words: unknown = textFor(locale)): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (prefix: string, value: unknown) => {
    if (typeof value === "string") out[prefix] = value;
    else if (typeof value === "object" && value !== null)
      for (const [key, inner] of Object.entries(value)) walk(prefix === "" ? key : `${prefix}.${key}`, inner);
  };
  walk("", words);
  return out;
}

describe("web pages' words: ICU messages in English and Japanese", () => {
  it("has every key in both languages, valid ICU with the same arguments", () => {
    expect(tableMismatches({ en: flat("en"), ja: flat("ja") })).toEqual([]);
  });

  it("has every key of the console, portal and landing words in both languages, none empty", () => {
    const en = flat("en", wordsFor("en"));
    const ja = flat("ja", wordsFor("ja"));
    expect(tableMismatches({ en, ja })).toEqual([]);
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries({ ...en, ...ja })) expect(text.trim(), key).not.toBe("");
  });

  it("names every event type and channel in both languages", () => {
    for (const locale of ["en", "ja"] as const) {
      const words = wordsFor(locale);
      for (const type of eventTypes) expect(words.events[type], type).toBeTruthy();
      for (const channel of channels) expect(words.channels[channel], channel).toBeTruthy();
    }
  });

  it("words plurals and lists by the language's rules", () => {
    const en = textFor("en").client;
    const ja = textFor("ja").client;
    expect(formatMessage(en.groupsIncomplete, "en", { count: 1, list: [4] })).toBe("Still to type: group 4.");
    expect(formatMessage(en.groupsIncomplete, "en", { count: 3, list: [2, 5, 9] })).toBe(
      "Still to type: groups 2, 5, and 9.",
    );
    expect(formatMessage(ja.groupsIncomplete, "ja", { count: 2, list: [2, 5] })).toBe(
      "未入力のグループ：2、5",
    );
    expect(formatMessage(en.graceUntil, "en", { days: 1, date: "May 1" })).toContain(
      "for 1 more day (until May 1)",
    );
  });
});
