import { formatMessage, tableMismatches, translator } from "@ninsho/core";
import { describe, expect, it } from "vitest";

describe("i18n: one way to say things in two languages", () => {
  describe("error: tables that disagree fail the check", () => {
    it("a key missing in a language fails to compile (each package declares ja by en's keys)", () => {
      const en = { hello: "Hello", bye: "Bye" } as const;
      // @ts-expect-error: "bye" is missing in Japanese.
      const ja: Readonly<Record<keyof typeof en, string>> = { hello: "こんにちは" };
      const t = translator({ en, ja: { hello: "こんにちは", bye: "さようなら" } })("en");
      // @ts-expect-error: and a t() call with a key neither language has.
      expect(() => t("nope")).toThrow();
      expect(tableMismatches({ en, ja })).toEqual(["bye: missing in ja"]);
    });

    it("reports a key missing in a language", () => {
      expect(tableMismatches({ en: { a: "A", b: "B" }, ja: { a: "エー" } })).toEqual(["b: missing in ja"]);
    });

    it("reports arguments that differ between the languages, nested ones too", () => {
      expect(tableMismatches({ en: { a: "{x} of {y}" }, ja: { a: "{y} の {z}" } })).toEqual([
        "a: en uses {x} {y}, ja uses {y} {z}",
      ]);
      const en = { n: "{count, plural, one {# key} other {# keys for {who}}}" };
      expect(tableMismatches({ en, ja: { n: "{count} 件" } })).toEqual([
        "n: en uses {count} {who}, ja uses {count}",
      ]);
    });

    it("reports a message that is not valid ICU", () => {
      const [problem] = tableMismatches({ en: { a: "open {brace" }, ja: { a: "{brace}" } });
      expect(problem).toMatch(/^a: en is not a valid ICU message/);
    });

    it("leaves an argument with no value visible", () => {
      expect(formatMessage("Expired on {expiredAt}.", "en")).toBe("Expired on {expiredAt}.");
    });
  });
});
