/**
 * A phone feature list that would change what apps already built read is refused (PHONE_FEATURES_INVALID), on
 * create and on edit, and the list stays as it was. On SQLite and PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "../support/backends.js";
import { call, errorOf, str } from "../support/http.js";
import type { TestServer } from "../support/server.js";

const patch = (t: TestServer, productId: string, phoneFeatures: unknown) =>
  call(
    t.app,
    "PATCH",
    `/v1/admin/products/${productId}`,
    { phoneFeatures, reason: "edit" },
    { token: t.admin },
  );

describe.each(backends)("phone feature lists refused on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  describe.skipIf(skip)("error", () => {
    it("refuses a list reordered, shortened or with a repeat, and keeps the old one", async () => {
      const t = await start();
      const created = await t.adminPost("/v1/admin/products", {
        name: "Photo Studio",
        phoneFeatures: ["export", "print"],
      });
      const productId = str(created.body, "id");
      const appendOnly = "only grows at its end";
      for (const [next, says] of [
        [["print", "export"], appendOnly],
        [["export"], appendOnly],
        [[], appendOnly],
        [["export", "print", "print"], "names each feature once"],
      ] as const) {
        const refused = await patch(t, productId, next);
        expect(refused.status).toBe(400);
        expect(errorOf(refused)).toMatchObject({ code: "PHONE_FEATURES_INVALID" });
        expect(errorOf(refused).message).toContain(says);
        expect(errorOf(refused).message).toContain("(the list now: export, print)");
      }
      const kept = await t.adminGet(`/v1/admin/products/${productId}`);
      expect(kept.body).toMatchObject({ phoneFeatures: ["export", "print"] });
    });

    it("refuses more than 20 features, and a repeat on create", async () => {
      const t = await start();
      const many = Array.from({ length: 21 }, (_, i) => `feature-${i}`);
      const tooMany = await t.adminPost("/v1/admin/products", { name: "big", phoneFeatures: many });
      expect(tooMany.status).toBe(400);
      expect(errorOf(tooMany).code).toBe("VALIDATION_FAILED");
      const twice = await t.adminPost("/v1/admin/products", { name: "twice", phoneFeatures: ["a", "a"] });
      expect(twice.status).toBe(400);
      expect(errorOf(twice).code).toBe("PHONE_FEATURES_INVALID");
      expect((await t.adminGet("/v1/admin/products")).body).not.toMatchObject({
        products: expect.arrayContaining([expect.objectContaining({ name: "twice" })]),
      });
    });
  });
});
