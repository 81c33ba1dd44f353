import { describe as describeProblem } from "@ninsho/core";
import { describe, expect, it } from "vitest";

describe("error catalogue", () => {
  describe("error: missing or odd params", () => {
    it("leaves a placeholder with no value visible rather than dropping it", () => {
      expect(describeProblem("LICENSE_EXPIRED", "en").message).toBe("This license expired on {expiredAt}.");
      expect(describeProblem("FORBIDDEN", "en", { role: "readonly" }).message).toBe(
        "The role readonly may not do this; it needs {required}.",
      );
    });

    it("formats numbers, zero and empty strings", () => {
      expect(describeProblem("BODY_TOO_LARGE", "en", { limit: 0 }).message).toBe(
        "The request body is larger than 0 bytes.",
      );
      expect(describeProblem("LICENSE_SUSPENDED", "en", { reason: "" }).message).toBe(
        "This license is suspended: ",
      );
    });
  });
});
