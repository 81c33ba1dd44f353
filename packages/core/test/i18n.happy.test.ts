import { argumentNames, formatMessage, joinList, translator } from "@ninsho/core";
import { describe, expect, it } from "vitest";

describe("i18n: one way to say things in two languages", () => {
  describe("happy: ICU messages with plural and list rules", () => {
    it("fills arguments, plurals and lists in each language", () => {
      const devices = "{count, plural, one {# device} other {# devices}}";
      expect(formatMessage(devices, "en", { count: 1 })).toBe("1 device");
      expect(formatMessage(devices, "en", { count: 3 })).toBe("3 devices");
      expect(formatMessage("Groups {groups} have a typo.", "en", { groups: [2, 4, 5] })).toBe(
        "Groups 2, 4, and 5 have a typo.",
      );
      expect(formatMessage("グループ {groups} に入力ミスがあります", "ja", { groups: [2, 4] })).toBe(
        "グループ 2、4 に入力ミスがあります",
      );
      expect(joinList(["board"], "en")).toBe("board");
    });

    it("chooses a branch with select, and leaves literal angle brackets and apostrophes alone", () => {
      const skew = "{direction, select, ahead {ahead of} other {behind}} the server's clock";
      expect(formatMessage(skew, "en", { direction: "ahead" })).toBe("ahead of the server's clock");
      expect(formatMessage(skew, "en", { direction: "behind" })).toBe("behind the server's clock");
      expect(formatMessage("Send Authorization: Bearer <token>.", "en")).toBe(
        "Send Authorization: Bearer <token>.",
      );
    });

    it("a package's typed t words a key in the locale chosen", () => {
      const en = {
        hello: "Hello {name}",
        bye: "Bye",
        n: "{count, plural, one {# key} other {# keys}} of {who}",
      } as const;
      const ja = {
        hello: "{name} さん、こんにちは",
        bye: "さようなら",
        n: "{who} の {count, plural, other {# 個}}",
      };
      const t = translator({ en, ja })("en");
      // The values are those the English message names, no fewer and no others.
      expect(t("n", { count: 2, who: "Aiko" })).toBe("2 keys of Aiko");
      expect(t("bye")).toBe("Bye");
      // @ts-expect-error: "who" is missing.
      expect(t("n", { count: 1 })).toBe("1 key of {who}");
      // @ts-expect-error: "nom" is not an argument of "hello".
      expect(t("hello", { nom: "x" })).toBe("Hello {name}");
      // @ts-expect-error: "hello" needs its value.
      expect(t("hello")).toBe("Hello {name}");
      const textFor = translator({ en: { hello: "Hello {name}" }, ja: { hello: "{name} さん、こんにちは" } });
      expect(textFor("en")("hello", { name: "Aiko" })).toBe("Hello Aiko");
      expect(textFor("ja")("hello", { name: "Aiko" })).toBe("Aiko さん、こんにちは");
    });

    it("names a message's arguments, nested ones included", () => {
      expect(argumentNames("{count, plural, one {# key for {who}} other {# keys}} in {licenseId}")).toEqual([
        "count",
        "licenseId",
        "who",
      ]);
    });
  });
});
