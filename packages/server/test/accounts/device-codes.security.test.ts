/**
 * Device-code sign-in (RFC 8628's flow): a device asks for a code, its owner signs in elsewhere and approves it for
 * one of their licenses, the device collects the key once and activates with it as usual.
 */
import { describe, expect, it } from "vitest";
import { accountCall, askedDeviceCode, pollDeviceCode, signedIn } from "../support/accounts.js";
import { errorOf } from "../support/http.js";
import { useServers } from "../support/server.js";

const code = (answer: { body: unknown; text: string }) => errorOf(answer as never).code;

const asked = askedDeviceCode;
const poll = pollDeviceCode;

describe("device-code sign-in", () => {
  const servers = useServers();

  describe("security", () => {
    it("an account can approve only with a license of its own, of the device's product", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const other = await t.catalogue();
      const a = await signedIn(t, "a@example.jp");
      const b = await signedIn(t, "b@example.jp");
      await accountCall(t, "POST", "/v1/me/licenses", { key: c.key }, { cookie: a });
      await accountCall(t, "POST", "/v1/me/licenses", { key: other.key }, { cookie: b });
      const device = await asked(t, c.productId);
      for (const [cookie, licenseId] of [
        [b, c.licenseId],
        [b, other.licenseId],
      ] as const) {
        const refused = await accountCall(
          t,
          "POST",
          "/v1/me/device-codes/approve",
          { userCode: device.userCode, licenseId },
          { cookie },
        );
        expect(refused.status).toBe(404);
        expect(code(refused)).toBe("LICENSE_NOT_FOUND");
      }
      expect(code(await poll(t, device.deviceCode))).toBe("DEVICE_CODE_PENDING");
      // Without a session, or from another origin, nothing is approved.
      const bare = await accountCall(t, "POST", "/v1/me/device-codes/approve", {
        userCode: device.userCode,
        licenseId: c.licenseId,
      });
      expect(code(bare)).toBe("SIGN_IN_REQUIRED");
      const foreign = await accountCall(
        t,
        "POST",
        "/v1/me/device-codes/approve",
        { userCode: device.userCode, licenseId: c.licenseId },
        {
          cookie: a,
          origin: "https://evil.example",
        },
      );
      expect(code(foreign)).toBe("CROSS_ORIGIN_REFUSED");
    });

    it("guessing user codes is limited per account; the device code is kept only as a digest", async () => {
      const t = await servers.start({ storage: "file" });
      const c = await t.catalogue();
      const cookie = await signedIn(t, "aiko@example.jp");
      const device = await asked(t, c.productId);
      const guesses = await Promise.all(
        Array.from({ length: 12 }, () =>
          accountCall(
            t,
            "POST",
            "/v1/me/device-codes/approve",
            { userCode: "BBBB-BBBB", licenseId: c.licenseId },
            { cookie },
          ),
        ),
      );
      expect(guesses.filter((g) => code(g) === "USER_CODE_NOT_FOUND")).toHaveLength(10);
      expect(guesses.filter((g) => code(g) === "RATE_LIMITED")).toHaveLength(2);
      const { readFileSync } = await import("node:fs");
      const raw = [t.dbPath ?? "", `${t.dbPath ?? ""}-wal`]
        .map((file) => {
          try {
            return readFileSync(file).toString("latin1");
          } catch {
            return "";
          }
        })
        .join("");
      expect(raw).toContain(device.userCode);
      expect(raw).not.toContain(device.deviceCode);
    });
  });
});
