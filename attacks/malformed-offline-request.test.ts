/**
 * Capability: anyone who can reach the server (curl, no key needed for the parse) and edits an offline request
 * file by hand, or a device whose clock is wildly wrong.
 * Attack: post a request file dated before 2024-01-01 or after the offline day range (year 2203) to
 * POST /v1/offline/license-files and to its admin twin.
 * Expected outcome: 400 OFFLINE_FILE_INVALID naming `createdAt` on both routes, nothing stored, no stack in the
 * answer; before the fix the date reached the day arithmetic and came back as a 500 with a stack in the log.
 */
import { createOfflineRequest, parseProductKey, serializeOfflineRequest } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { machine } from "../packages/server/test/support/fingerprints.js";
import { errorOf, post } from "../packages/server/test/support/http.js";
import { expectSafeError } from "../packages/server/test/support/safeAnswer.js";
import { aDevice, useServers } from "../packages/server/test/support/server.js";

describe("attack: a request file dated outside the supported range", () => {
  const servers = useServers();

  it("is a coded 400 on the public and the admin route, and stores nothing", async () => {
    const t = await servers.start();
    const c = await t.catalogue();
    const key = parseProductKey(c.key);
    if (!key.ok) throw new Error("the issued key parses");
    for (const at of ["1970-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z"]) {
      const request = createOfflineRequest({
        key: key.value,
        productId: c.productId,
        device: aDevice(),
        fingerprint: machine("dated"),
        at: new Date(at),
      });
      const requestFile = serializeOfflineRequest(request);
      const answers = [
        await post(t.app, "/v1/offline/license-files", { requestFile }),
        await t.adminPost("/v1/admin/offline/license-files", { requestFile, reason: "USB" }),
      ];
      for (const res of answers) {
        expectSafeError(res, at);
        expect(res.status, at).toBe(400);
        expect(errorOf(res)).toMatchObject({ code: "OFFLINE_FILE_INVALID", details: { field: "createdAt" } });
      }
    }
    const license = await t.adminGet(`/v1/admin/licenses/${c.licenseId}`);
    expect(license.body).toMatchObject({ devices: [] });
  });
});
