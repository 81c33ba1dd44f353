/**
 * The owner's device routes against a second account that swaps in the first one's ids, and against a foreign
 * page posting with the owner's cookie (CSRF): each is refused exactly as a device or license that does not
 * exist (or as a cross-origin request), and nothing changes — on a SQLite file and on PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { accountCall } from "../support/accounts.js";
import { backends, useBackendServers } from "../support/backends.js";
import { machine } from "../support/fingerprints.js";
import { errorOf } from "../support/http.js";
import { listedDevice, ownerWithDevices } from "./myDevicesSetup.js";

describe.each(backends)("my devices on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  describe("security", () => {
    it.skipIf(skip)(
      "a second account with the first one's ids gets 404, never the device or its refusals",
      async () => {
        const t = await start();
        const aiko = await ownerWithDevices(t, "aiko@example.jp");
        const kenji = await ownerWithDevices(t, "kenji@example.jp");
        await t.activate(aiko.key, machine("refused-pc"));
        const before = await t.timeline(aiko.licenseId);
        const attempts = [
          ["PATCH", `/v1/me/devices/${aiko.desktop}`, { name: "Mine now" }, "DEVICE_NOT_FOUND"],
          ["POST", `/v1/me/devices/${aiko.laptop}/deactivate`, {}, "DEVICE_NOT_FOUND"],
          ["GET", `/v1/me/licenses/${aiko.licenseId}/refusals`, undefined, "LICENSE_NOT_FOUND"],
        ] as const;
        for (const [method, path, body, code] of attempts) {
          const answer = await accountCall(t, method, path, body, { cookie: kenji.cookie });
          expect(answer.status, path).toBe(404);
          expect(errorOf(answer).code, path).toBe(code);
          // The refusal is the one an id that never existed gets: nothing about Aiko's device leaks.
          const ghost = path.replace(/(dev|lic)_[0-9A-Z]+/, "$1_01NEVER");
          const never = await accountCall(t, method, ghost, body, { cookie: kenji.cookie });
          const ids = /(dev|lic)_[0-9A-Z]+/g;
          expect(answer.text.replace(ids, "ID")).toBe(never.text.replace(ids, "ID"));
          expect(answer.text).not.toContain("Desktop");
        }
        expect(await listedDevice(t, aiko.cookie, aiko.desktop)).toMatchObject({ name: "Desktop" });
        expect((await listedDevice(t, aiko.cookie, aiko.laptop))?.deactivatedAt).toBeUndefined();
        expect(await t.timeline(aiko.licenseId)).toEqual(before);
        // Kenji's own devices still answer to him.
        const own = await accountCall(
          t,
          "PATCH",
          `/v1/me/devices/${kenji.desktop}`,
          { name: "Kenji's" },
          kenji,
        );
        expect(own.status).toBe(200);
      },
    );

    it.skipIf(skip)(
      "CSRF: another origin (or none) posting with the owner's cookie is refused and changes nothing",
      async () => {
        const t = await start();
        const o = await ownerWithDevices(t);
        for (const origin of ["https://evil.example", null] as const) {
          for (const [method, path, body] of [
            ["PATCH", `/v1/me/devices/${o.desktop}`, { name: "Hijacked" }],
            ["POST", `/v1/me/devices/${o.laptop}/deactivate`, {}],
          ] as const) {
            const answer = await accountCall(t, method, path, body, { cookie: o.cookie, origin });
            expect(answer.status).toBe(403);
            expect(errorOf(answer).code).toBe("CROSS_ORIGIN_REFUSED");
          }
        }
        expect(await listedDevice(t, o.cookie, o.desktop)).toMatchObject({ name: "Desktop" });
        expect((await listedDevice(t, o.cookie, o.laptop))?.deactivatedAt).toBeUndefined();
      },
    );
  });
});
