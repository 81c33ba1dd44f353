import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { channels, eventTypes, formatMessage, tableMismatches } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { type WordsLocale, wordsFor } from "../src/words/index.js";

/** A language's words as one flat table (`phone.submit`, `states.active`), as every package's are checked. */
function flat(locale: WordsLocale): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (prefix: string, value: unknown) => {
    if (typeof value === "string") out[prefix] = value;
    else if (typeof value === "object" && value !== null)
      for (const [key, inner] of Object.entries(value)) walk(prefix === "" ? key : `${prefix}.${key}`, inner);
  };
  walk("", wordsFor(locale));
  return out;
}

/** The package's sources that speak (the words themselves left out), one string per file. */
function speakingSources(): string[] {
  const src = fileURLToPath(new URL("../src/", import.meta.url));
  return readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !file.startsWith("words"))
    .map((file) => readFileSync(join(src, file), "utf8"));
}

/** Sections read by a value (`words.states[license.state]`, `words.parts[kind]`): all used once the section is. */
const BY_VALUE = new Set(["states", "events", "channels", "roles", "parts", "actors"]);
/** Keys read by a computed name: the portal device row's panels (`w[which]`, DeviceRow.tsx). */
const BY_NAME = new Set(["portal.rename", "portal.release", "portal.hardware"]);

describe("web pages' words: ICU messages in English and Japanese", () => {
  it("has every key of the console, portal, phone and landing words in both languages, none empty", () => {
    const en = flat("en");
    const ja = flat("ja");
    expect(tableMismatches({ en, ja })).toEqual([]);
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries({ ...en, ...ja })) expect(text.trim(), key).not.toBe("");
  });

  it("says every key somewhere: a key no source reads is a leftover of a page that is gone", () => {
    // A key `section.key` is read when one file names the section (`words.why`, `const { why } = words`) and
    // reads the key (`.callerFind`, `w.callerFind`): a heuristic, but one that a page deleted with its words
    // left behind does not pass.
    const files = speakingSources();
    expect(files.length).toBeGreaterThan(20);
    const read = files.map((file) => ({
      named: new Set(file.match(/[A-Za-z_$][\w$]*/g)),
      keys: new Set([...file.matchAll(/\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1])),
    }));
    const unread = Object.keys(flat("en")).filter((path) => {
      const [section = "", key = ""] = path.split(".");
      if (BY_NAME.has(path)) return false;
      if (BY_VALUE.has(section)) return !read.some((file) => file.named.has(section));
      return !read.some((file) => file.named.has(section) && file.keys.has(key));
    });
    expect(unread).toEqual([]);
  });

  it("names every event type and channel in both languages", () => {
    for (const locale of ["en", "ja"] as const) {
      const words = wordsFor(locale);
      for (const type of eventTypes) expect(words.events[type], type).toBeTruthy();
      for (const channel of channels) expect(words.channels[channel], channel).toBeTruthy();
    }
  });

  it("words plurals and lists by the language's rules", () => {
    const en = wordsFor("en").phone;
    const ja = wordsFor("ja").phone;
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
