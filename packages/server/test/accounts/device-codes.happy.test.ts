/**
 * Device-code sign-in (RFC 8628's flow): a device asks for a code, its owner signs in elsewhere and approves it for
 * one of their licenses, the device collects the key once and activates with it as usual.
 */
import { describe, expect, it } from "vitest";
import { accountCall, askedDeviceCode, pollDeviceCode, signedIn } from "../support/accounts.js";
import { machine } from "../support/fingerprints.js";
import { errorOf, str } from "../support/http.js";
import { useServers } from "../support/server.js";

const code = (answer: { body: unknown; text: string }) => errorOf(answer as never).code;

const asked = askedDeviceCode;
const poll = pollDeviceCode;

describe("device-code sign-in", () => {
  const servers = useServers();

  describe("happy", () => {
    it("a device gets a code; its signed-in owner approves it for a license; the device collects the key once and activates", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const cookie = await signedIn(t, "aiko@example.jp");
      await accountCall(t, "POST", "/v1/me/licenses", { key: c.key }, { cookie });

      const device = await asked(t, c.productId);
      expect(device.userCode).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
      expect(device.body).toMatchObject({
        verificationUri: "http://localhost:8080/device",
        verificationUriComplete: `http://localhost:8080/device#code=${device.userCode}`,
        expiresIn: 600,
        interval: 5,
      });
      const pending = await poll(t, device.deviceCode);
      expect(pending.status).toBe(400);
      expect(code(pending)).toBe("DEVICE_CODE_PENDING");
      expect(errorOf(pending).remedy).toContain(device.userCode);

      const typed = device.userCode.toLowerCase().replace("-", " ");
      const approved = await accountCall(
        t,
        "POST",
        "/v1/me/device-codes/approve",
        { userCode: typed, licenseId: c.licenseId },
        { cookie },
      );
      expect(approved.status).toBe(200);
      const grant = await poll(t, device.deviceCode);
      expect(grant.status).toBe(200);
      expect(grant.body).toEqual({ licenseId: c.licenseId, key: c.key });
      expect((await t.activate(str(grant.body, "key"), machine("new-pc"))).status).toBe(201);
      const again = await poll(t, device.deviceCode);
      expect(again.status).toBe(410);
      expect(code(again)).toBe("DEVICE_CODE_EXPIRED");
    });
  });
});
