/**
 * Device-code sign-in (RFC 8628's flow): a device asks for a code, its owner signs in elsewhere and approves it for
 * one of their licenses, the device collects the key once and activates with it as usual.
 */
import { describe, expect, it } from "vitest";
import { accountCall, askedDeviceCode, pollDeviceCode, signedIn } from "../support/accounts.js";
import { MINUTE } from "../support/clock.js";
import { errorOf, post } from "../support/http.js";
import { useServers } from "../support/server.js";

const code = (answer: { body: unknown; text: string }) => errorOf(answer as never).code;

const asked = askedDeviceCode;
const poll = pollDeviceCode;

describe("device-code sign-in", () => {
  const servers = useServers();

  describe("error", () => {
    it("an unknown product, a mistyped code and a code past its ten minutes are each told so", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const cookie = await signedIn(t, "aiko@example.jp");
      expect(code(await post(t.app, "/v1/device-codes", { productId: "prd_nothing" }))).toBe(
        "PRODUCT_NOT_FOUND",
      );
      const wrong = await accountCall(
        t,
        "POST",
        "/v1/me/device-codes/approve",
        { userCode: "BBBB-BBBB", licenseId: c.licenseId },
        { cookie },
      );
      expect(wrong.status).toBe(404);
      expect(code(wrong)).toBe("USER_CODE_NOT_FOUND");
      const device = await asked(t, c.productId);
      t.clock.advance(10 * MINUTE);
      expect(code(await poll(t, device.deviceCode))).toBe("DEVICE_CODE_EXPIRED");
      const late = await accountCall(
        t,
        "POST",
        "/v1/me/device-codes/approve",
        { userCode: device.userCode, licenseId: c.licenseId },
        { cookie },
      );
      expect(code(late)).toBe("USER_CODE_NOT_FOUND");
    });
  });
});
