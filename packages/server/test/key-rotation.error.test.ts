/**
 * Rotating a product's signing key: the new key is in the JWKS at once and signs from the instant asked for;
 * the old one retires then and still verifies what it signed, so no device is locked out by a rotation.
 */
import { describe, expect, it } from "vitest";
import { errorOf, post } from "./support/http.js";
import { useServers } from "./support/server.js";

describe("signing-key rotation", () => {
  const servers = useServers();

  describe("error", () => {
    it("an unknown product is PRODUCT_NOT_FOUND; support may not rotate; a bad instant is refused", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const missing = await t.adminPost("/v1/admin/products/prd_01NOPE/signing-keys", {});
      expect(errorOf(missing).code).toBe("PRODUCT_NOT_FOUND");
      const support = await t.token("support");
      const forbidden = await t.adminPost(
        `/v1/admin/products/${c.productId}/signing-keys`,
        {},
        support.token,
      );
      expect(errorOf(forbidden).code).toBe("FORBIDDEN");
      const bad = await post(
        t.app,
        `/v1/admin/products/${c.productId}/signing-keys`,
        { activatesAt: "next tuesday" },
        { token: t.admin },
      );
      expect(errorOf(bad).code).toBe("VALIDATION_FAILED");
    });
  });
});
