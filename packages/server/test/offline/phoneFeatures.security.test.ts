/**
 * Who attacks the phone features: the user at the keyboard, who edits the digits they were read to switch on
 * a feature the license lacks; and a support token that tries to rewrite the product's list (which would
 * change what every app reads from the bits). On SQLite and PostgreSQL.
 */
import { encodeConfirmationId, parseConfirmationId, phoneFeaturesOf, toDigitGroups } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "../support/backends.js";
import { machine } from "../support/fingerprints.js";
import { call, str } from "../support/http.js";
import { confirm, deviceVerifies, installationIdOf } from "./support.js";

describe.each(backends)("phone features attacked on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  describe.skipIf(skip)("security", () => {
    it("the print bit added to a confirmation the server issued for export only is refused by the device", async () => {
      const t = await start();
      const created = await t.adminPost("/v1/admin/products", {
        name: "Photo Studio",
        phoneFeatures: ["export", "print"],
      });
      const productId = str(created.body, "id");
      const c = await t.catalogue({ entitlements: ["export"] }, 1, productId);
      const iid = await installationIdOf(t, productId, c.key, machine("attacker-pc"));
      const issued = await confirm(t, iid.text);
      const genuine = parseConfirmationId(issued.body.confirmationId);
      if (!genuine.ok) throw new Error("the server's confirmation parses");
      expect(phoneFeaturesOf(["export", "print"], genuine.value.terms.features)).toEqual(["export"]);

      // The attacker re-encodes the digits with the print bit set and every check digit fixed up.
      const forged = encodeConfirmationId(
        { ...genuine.value.terms, features: genuine.value.terms.features | 0b10 },
        genuine.value.signature,
      );
      expect(forged.text).not.toBe(issued.body.confirmationId);
      expect(await deviceVerifies(t, productId, iid, forged.text)).toEqual({
        ok: false,
        error: { code: "CONFIRMATION_INVALID" },
      });
      // Or hides that features were withheld; or edits one digit and repairs its group's check digit.
      const hidden = encodeConfirmationId(
        { ...genuine.value.terms, featuresWithheld: !genuine.value.terms.featuresWithheld },
        genuine.value.signature,
      );
      expect((await deviceVerifies(t, productId, iid, hidden.text)).ok).toBe(false);
      const data = genuine.value.data;
      const edited = `${data.slice(0, 3)}${(Number(data[3]) + 1) % 10}${data.slice(4)}`;
      const oneDigit = toDigitGroups(edited).join("-");
      expect((await deviceVerifies(t, productId, iid, oneDigit)).ok).toBe(false);
      expect((await deviceVerifies(t, productId, iid, issued.body.confirmationId)).ok).toBe(true);
    });

    it("only the admin role edits the list: support and read-only tokens are refused", async () => {
      const t = await start();
      const created = await t.adminPost("/v1/admin/products", { name: "P", phoneFeatures: ["export"] });
      const productId = str(created.body, "id");
      for (const role of ["support", "readonly"] as const) {
        const { token } = await t.token(role);
        const res = await call(
          t.app,
          "PATCH",
          `/v1/admin/products/${productId}`,
          { phoneFeatures: ["export", "print"], reason: "sneak" },
          { token },
        );
        expect(res.status).toBe(403);
      }
      expect((await t.adminGet(`/v1/admin/products/${productId}`)).body).toMatchObject({
        phoneFeatures: ["export"],
      });
    });
  });
});
