/**
 * Entitlements by phone (issue 13 point 5): a product publishes an ordered phone feature list; a confirmation
 * carries the license's entitlements as signed bits over it. On SQLite and PostgreSQL (the list is stored).
 */
import { parseConfirmationId, phoneFeaturesOf } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "../support/backends.js";
import { machine } from "../support/fingerprints.js";
import { call, str } from "../support/http.js";
import type { TestServer } from "../support/server.js";
import { confirm, deviceVerifies, installationIdOf, offlineKey } from "./support.js";

async function productWith(t: TestServer, phoneFeatures: string[]): Promise<string> {
  const res = await t.adminPost("/v1/admin/products", { name: "Photo Studio", phoneFeatures });
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ phoneFeatures });
  return str(res.body, "id");
}

describe.each(backends)("phone features on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  describe.skipIf(skip)("happy", () => {
    it("a license with export (and a feature not in the list) gets export by phone, signed; the rest is named as withheld", async () => {
      const t = await start();
      const productId = await productWith(t, ["export", "print"]);
      const c = await t.catalogue({ entitlements: ["export"] }, 1, productId);
      const added = await t.adminPost(`/v1/admin/licenses/${c.licenseId}/entitlements`, {
        add: ["raw"],
        reason: "raw add-on",
      });
      expect(added.status).toBe(200);

      const published = await offlineKey(t, productId);
      expect(published).toMatchObject({ confirmationIdVersion: 2, phoneFeatures: ["export", "print"] });
      const detail = await t.adminGet(`/v1/admin/products/${productId}`);
      expect(detail.body).toMatchObject({
        phoneFeatures: ["export", "print"],
        offline: { productNumber: published.productNumber, phoneFeatures: ["export", "print"] },
      });

      const iid = await installationIdOf(t, productId, c.key, machine("plant-pc"));
      const res = await confirm(t, iid.text);
      expect(res.status).toBe(201);
      // Version 2: 18 groups of six, 108 digits.
      expect(res.body.groups).toHaveLength(18);
      expect(res.body.confirmationId).toMatch(/^\d{6}(-\d{6}){17}$/);
      expect(res.body.grant).toMatchObject({ features: ["export"], featuresWithheld: ["raw"] });

      const verified = await deviceVerifies(t, productId, iid, res.body.confirmationId);
      expect(verified.ok).toBe(true);
      if (!verified.ok) return;
      expect(phoneFeaturesOf(["export", "print"], verified.value.terms.features ?? 0)).toEqual(["export"]);
      expect(verified.value.terms.featuresWithheld).toBe(true);

      // A replay answers the same digits and the same account of features.
      const again = await confirm(t, iid.text);
      expect(again.body).toMatchObject({ replayed: true, confirmationId: res.body.confirmationId });
      expect(again.body.grant).toMatchObject({ features: ["export"], featuresWithheld: ["raw"] });
    });

    it("a feature appended to the list crosses the phone from then on; the places already given stay", async () => {
      const t = await start();
      const productId = await productWith(t, ["export"]);
      const c = await t.catalogue({ entitlements: ["export", "print"], maxDevices: 5 }, 1, productId);
      const before = await confirm(t, (await installationIdOf(t, productId, c.key, machine("one"))).text);
      expect(before.body.grant).toMatchObject({ features: ["export"], featuresWithheld: ["print"] });

      const patched = await call(
        t.app,
        "PATCH",
        `/v1/admin/products/${productId}`,
        { phoneFeatures: ["export", "print"], reason: "print by phone" },
        { token: t.admin },
      );
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ name: "Photo Studio", phoneFeatures: ["export", "print"] });
      expect((await t.adminGet(`/v1/admin/products/${productId}`)).body).toMatchObject({
        phoneFeatures: ["export", "print"],
      });

      const iid = await installationIdOf(t, productId, c.key, machine("two"));
      const after = await confirm(t, iid.text);
      expect(after.body.grant).toMatchObject({ features: ["export", "print"], featuresWithheld: [] });
      const parsed = parseConfirmationId(after.body.confirmationId);
      // Bit 0 is still export: an app built with the old list reads it the same.
      expect(parsed.ok && phoneFeaturesOf(["export"], parsed.value.terms.features)).toEqual(["export"]);

      const audit = await t.adminGet(`/v1/admin/audit?target=${productId}`);
      expect(JSON.stringify(audit.body)).toContain("print by phone");
    });

    it("a product without a list keeps answering the old format (17 groups, no features)", async () => {
      const t = await start();
      const c = await t.catalogue({ entitlements: ["export"] });
      const iid = await installationIdOf(t, c.productId, c.key, machine("old"));
      const res = await confirm(t, iid.text);
      expect(res.body.groups).toHaveLength(17);
      expect(res.body.grant).toMatchObject({ features: [], featuresWithheld: ["export"] });
      const verified = await deviceVerifies(t, c.productId, iid, res.body.confirmationId);
      expect(verified.ok && verified.value.terms.features).toBe(0);
    });
  });
});
