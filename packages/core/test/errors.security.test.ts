import { describe as describeProblem } from "@ninsho/core";
import { describe, expect, it } from "vitest";

describe("error catalogue", () => {
  describe("security: params are data, not templates", () => {
    it("does not expand placeholders inside a param's value", () => {
      const text = describeProblem("LICENSE_SUSPENDED", "en", { reason: "{reason} {count} $& $1" });
      expect(text.message).toBe("This license is suspended: {reason} {count} $& $1");
    });

    it("ignores params named like Object.prototype members", () => {
      expect(describeProblem("LICENSE_EXPIRED", "en", {}).message).toContain("{expiredAt}");
      const protoParams = JSON.parse('{"__proto__": {"expiredAt": "polluted"}}');
      expect(describeProblem("LICENSE_EXPIRED", "en", protoParams).message).toBe(
        "This license expired on {expiredAt}.",
      );
    });
  });
});
