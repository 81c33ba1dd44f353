import { tableMismatches } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { formatDuration } from "../src/client/duration.js";
import { describeKeySource } from "../src/client/keySource.js";
import { sdkMessages, sdkText } from "../src/i18n/index.js";

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;

describe("SDK messages: one ICU table per language", () => {
  it("has every key in both languages, valid ICU with the same arguments", () => {
    expect(tableMismatches(sdkMessages)).toEqual([]);
  });

  it("speaks English in English and Japanese in Japanese, for every key", () => {
    for (const [key, text] of Object.entries(sdkMessages.en)) expect(text, key).not.toMatch(JAPANESE);
    for (const [key, text] of Object.entries(sdkMessages.ja)) expect(text, key).toMatch(JAPANESE);
  });

  it("words plurals by the language's rule", () => {
    expect(formatDuration(86_400_000 + 3_600_000, "en")).toBe("1 day 1 hour");
    expect(formatDuration(2 * 86_400_000, "en")).toBe("2 days");
    expect(formatDuration(2 * 86_400_000, "ja")).toBe("2 日");
    expect(sdkText("en")("duration.second", { n: 1 })).toBe("1 second");
  });

  it("words where a key came from in the reader's language", () => {
    const registry = { kind: "registry", key: "HKLM\\SOFTWARE\\Acme", value: "ProductKey" } as const;
    expect(describeKeySource(registry, "en")).toBe("registry value ProductKey of HKLM\\SOFTWARE\\Acme");
    expect(describeKeySource(registry, "ja")).toBe("レジストリ HKLM\\SOFTWARE\\Acme の値 ProductKey");
    expect(describeKeySource({ kind: "env", name: "ACME_KEY" }, "ja")).toBe("環境変数 ACME_KEY");
  });
});
