import { tableMismatches } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { labelsFor } from "../src/admin/labels.js";
import { messagesFor } from "../src/admin/messages.js";
import { deviceMessagesFor } from "../src/device/messages/index.js";
import { offlineMessagesFor } from "../src/device/offline/messages.js";
import { cliMessages } from "../src/i18n/index.js";

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;
/** Labels that are the same in both languages, or words of the command line. */
const SAME_IN_BOTH = new Set(["label.id", "device.pinnedKey", "doctor.outcome.ok"]);

describe("the command's messages: one ICU table per language", () => {
  it("has every key in both languages, valid ICU with the same arguments", () => {
    expect(tableMismatches(cliMessages)).toEqual([]);
  });

  it("speaks English in English and Japanese in Japanese", () => {
    for (const [key, text] of Object.entries(cliMessages.en)) expect(text, key).not.toMatch(JAPANESE);
    for (const [key, text] of Object.entries(cliMessages.ja))
      if (!SAME_IN_BOTH.has(key)) expect(text, key).toMatch(JAPANESE);
  });

  it("words plurals, selects and lists by the language's rules", () => {
    const en = deviceMessagesFor("en");
    expect(en.pinned(1, "https://a")).toBe(
      "Trusting 1 public key of https://a from now on (pinned on first use):",
    );
    expect(en.pinned(2, "https://a")).toContain("2 public keys");
    expect(en.connection("unreachable", 0)).toBe("unreachable");
    expect(en.connection("unreachable", 3)).toBe("unreachable (3 failed attempts in a row)");
    expect(deviceMessagesFor("ja").connection("unreachable", 3)).toBe("unreachable（3 回連続で失敗）");
    expect(en.doctor.score(0.7, 0.6, true)).toBe("match score 0.7 ≥ threshold 0.6: still recognised");
    expect(messagesFor("en").keyRotated("k3", "2026-01-01", ["k1", "k2"])).toBe(
      "New signing key k3, in the JWKS now, signs from 2026-01-01; k1 and k2 sign nothing from then on and still verify.",
    );
    expect(messagesFor("ja").keyRotated("k3", "2026-01-01", [])).toBe(
      "新しい署名鍵 k3 を JWKS に公開しました。2026-01-01 から署名に使います。",
    );
    expect(messagesFor("ja").created("policy", "pol_1")).toBe("ポリシー pol_1 を作成しました。");
    expect(labelsFor("ja")("owner")).toBe("所有者");
    expect(offlineMessagesFor("en").requestWritten(undefined, false)).toBe(
      "Wrote the request file to standard output (its license file will not be sealed).",
    );
    expect(offlineMessagesFor("en").offlineKeyHint).toContain("GET /v1/products/{id}/offline-key");
  });
});
