/**
 * Wrong input to the owner's device routes is a 4xx with a code, never a 5xx and never a change: names that
 * are empty, too long or carry control characters or direction overrides, a device freed twice, an unknown id,
 * no session — on a SQLite file and on PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { accountCall } from "../support/accounts.js";
import { backends, useBackendServers } from "../support/backends.js";
import { errorOf } from "../support/http.js";
import { listedDevice, ownerWithDevices } from "./myDevicesSetup.js";

const BAD_NAMES = [
  ["empty", ""],
  ["only spaces", "   "],
  ["65 characters", "x".repeat(65)],
  ["a line break", "Desk\ntop"],
  ["a NUL", "Desk\u0000top"],
  ["a right-to-left override", "Desk\u202Etop"],
  ["a lone surrogate", "Desk\uD800top"],
  ["not a string", 42],
] as const;

describe.each(backends)("my devices on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  describe("error", () => {
    it.skipIf(skip)(
      "refuses a bad name with VALIDATION_FAILED naming the field, and keeps the old one",
      async () => {
        const t = await start();
        const o = await ownerWithDevices(t);
        for (const [why, bad] of BAD_NAMES) {
          const answer = await accountCall(t, "PATCH", `/v1/me/devices/${o.desktop}`, { name: bad }, o);
          expect(answer.status, why).toBe(400);
          const error = errorOf(answer);
          expect(error.code, why).toBe("VALIDATION_FAILED");
          expect(JSON.stringify(error.details), why).toContain("name");
        }
        const extra = await accountCall(t, "PATCH", `/v1/me/devices/${o.desktop}`, { name: "ok", x: 1 }, o);
        expect(errorOf(extra).code).toBe("VALIDATION_FAILED");
        expect((await listedDevice(t, o.cookie, o.desktop))?.name).toBe("Desktop");
        expect((await t.timeline(o.licenseId)).some((e) => e.type === "device.renamed")).toBe(false);
      },
    );

    it.skipIf(skip)(
      "a device freed twice is DEVICE_DEACTIVATED, logged once; an unknown id is DEVICE_NOT_FOUND",
      async () => {
        const t = await start();
        const o = await ownerWithDevices(t);
        expect((await accountCall(t, "POST", `/v1/me/devices/${o.desktop}/deactivate`, {}, o)).status).toBe(
          200,
        );
        const again = await accountCall(t, "POST", `/v1/me/devices/${o.desktop}/deactivate`, {}, o);
        expect(again.status).toBe(403);
        expect(errorOf(again).code).toBe("DEVICE_DEACTIVATED");
        expect((await t.timeline(o.licenseId)).filter((e) => e.type === "device.deactivated")).toHaveLength(
          1,
        );
        for (const [method, path, body] of [
          ["PATCH", "/v1/me/devices/dev_nope", { name: "x" }],
          ["POST", "/v1/me/devices/dev_nope/deactivate", {}],
        ] as const) {
          const answer = await accountCall(t, method, path, body, o);
          expect(answer.status).toBe(404);
          expect(errorOf(answer).code).toBe("DEVICE_NOT_FOUND");
        }
        const refusals = await accountCall(t, "GET", "/v1/me/licenses/lic_nope/refusals", undefined, o);
        expect(errorOf(refusals).code).toBe("LICENSE_NOT_FOUND");
      },
    );

    it.skipIf(skip)("without a session each route is SIGN_IN_REQUIRED", async () => {
      const t = await start();
      const o = await ownerWithDevices(t);
      for (const [method, path, body] of [
        ["PATCH", `/v1/me/devices/${o.desktop}`, { name: "x" }],
        ["POST", `/v1/me/devices/${o.desktop}/deactivate`, {}],
        ["GET", `/v1/me/licenses/${o.licenseId}/refusals`, undefined],
      ] as const) {
        const answer = await accountCall(t, method, path, body);
        expect(answer.status).toBe(401);
        expect(errorOf(answer).code).toBe("SIGN_IN_REQUIRED");
      }
    });
  });
});
