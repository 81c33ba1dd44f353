import { formatMessage } from "@ninsho/core";
import { describe, expect, it } from "vitest";

describe("i18n: one way to say things in two languages", () => {
  describe("security: values are data", () => {
    it("does not parse a value as a message, nor read inherited properties", () => {
      expect(formatMessage("Reason: {reason}", "en", { reason: "{count, plural, other {#}} {x} '{'" })).toBe(
        "Reason: {count, plural, other {#}} {x} '{'",
      );
      const polluted = JSON.parse('{"__proto__": {"reason": "polluted"}}');
      expect(formatMessage("Reason: {reason}", "en", polluted)).toBe("Reason: {reason}");
    });
  });
});
