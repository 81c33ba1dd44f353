/**
 * The refusal of a re-activation by key after a fork: its code, status, localized words with the fork's date and
 * the end of the guard, and the device in the way. On SQLite and PostgreSQL.
 */
import { FORK_GUARD_DAYS } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "./support/backends.js";
import { DAY } from "./support/clock.js";
import { movedOffFork } from "./support/forks.js";
import { errorOf } from "./support/http.js";
import { aDevice } from "./support/server.js";

const JA = { "accept-language": "ja-JP,ja;q=0.9" };

describe.each(backends)("REACTIVATION_PROOF_REQUIRED on $name", ({ name, skip }) => {
  describe.skipIf(skip)("error", () => {
    const start = useBackendServers(name);

    it("is 403 with the fork's date, the guard's end and the device in the way, in English and Japanese", async () => {
      const t = await start();
      const { c, fp, ownerId } = await movedOffFork(t);
      const forkedAt = (await t.store.devices.lastForkAt(c.licenseId)) ?? "";
      const guardEndsAt = new Date(Date.parse(forkedAt) + FORK_GUARD_DAYS * DAY).toISOString();
      t.clock.advance(1 * DAY);

      const en = await t.activate(c.key, fp);
      expect(en.status).toBe(403);
      const error = errorOf(en);
      expect(error.code).toBe("REACTIVATION_PROOF_REQUIRED");
      expect(error.message).toContain(forkedAt);
      expect(error.message).toContain(guardEndsAt);
      expect(error.remedy).toContain("transfer");
      expect(error.details).toMatchObject({
        forkedAt,
        guardEndsAt,
        transferable: true,
        devices: [{ id: ownerId, name: aDevice("New PC").name, platform: "windows" }],
      });

      const ja = errorOf(await t.activate(c.key, fp, aDevice(), { headers: JA }));
      expect(ja.code).toBe("REACTIVATION_PROOF_REQUIRED");
      expect(ja.message).toMatch(/複製/u);
      expect(ja.message).toContain(guardEndsAt);
      expect(ja.remedy).toMatch(/移行/u);
    });
  });
});
