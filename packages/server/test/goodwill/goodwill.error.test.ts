/**
 * Support's goodwill extension refused past its bounds (EXTENSION_BEYOND_SUPPORT_LIMIT, 403, worded for the
 * agent), on a SQLite file and on PostgreSQL: the expiry stays and nothing is logged.
 */
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "../support/backends.js";
import { DAY } from "../support/clock.js";
import { type Answer, call, errorOf } from "../support/http.js";
import type { TestServer } from "../support/server.js";
import { expiringLicense, extend, plusDays } from "./extend.js";

const extensions = async (t: TestServer, licenseId: string) =>
  (await t.timeline(licenseId)).filter((e) => e.type === "license.extended").length;

describe.each(backends)("goodwill extension refused on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  /** Expect the refusal, its message naming `words`, and no extension logged beyond `logged`. */
  async function refused(
    t: TestServer,
    licenseId: string,
    res: Answer<unknown>,
    words: string,
    { code = "EXTENSION_BEYOND_SUPPORT_LIMIT", logged = 0 } = {},
  ) {
    expect(res.status, res.text).toBe(403);
    const problem = errorOf(res);
    expect(problem.code).toBe(code);
    expect(problem.message).toContain(words);
    expect(await extensions(t, licenseId)).toBe(logged);
    return problem;
  }

  describe.skipIf(skip)("error", () => {
    it("beyond 30 days past the expiry: the latest allowed date is named, in English and Japanese", async () => {
      const t = await start();
      const support = await t.token("support");
      const { licenseId, expiresAt } = await expiringLicense(t);
      const latest = plusDays(expiresAt, 30);
      const res = await extend(t, licenseId, plusDays(latest, 1 / 24), support.token);
      const problem = await refused(t, licenseId, res, `so later than ${latest}`);
      expect(problem.message).toMatch(/^Support may not set this expiry: /);
      expect(problem.remedy).toBe(
        `Extend by at most 30 days (until ${latest} at the latest), or ask an admin for more.`,
      );
      const ja = await call(
        t.app,
        "POST",
        `/v1/admin/licenses/${licenseId}/extend`,
        { expiresAt: plusDays(expiresAt, 60), reason: "x" },
        { token: support.token, headers: { "accept-language": "ja" } },
      );
      expect(errorOf(ja).message).toContain(`上限は ${latest}`);
      expect(errorOf(ja).remedy).toContain("管理者に依頼");
      const license = await t.adminGet(`/v1/admin/licenses/${licenseId}`);
      expect((license.body as { expiresAt: string }).expiresAt).toBe(expiresAt);
    });

    it("perpetual, a perpetual license, an earlier date and the same date are refused", async () => {
      const t = await start();
      const support = await t.token("support");
      const { licenseId, expiresAt } = await expiringLicense(t);
      await refused(
        t,
        licenseId,
        await extend(t, licenseId, null, support.token),
        "cannot make a license perpetual",
      );
      const earlier = await extend(t, licenseId, plusDays(expiresAt, -1), support.token);
      await refused(t, licenseId, earlier, "support never shortens a license");
      await refused(t, licenseId, await extend(t, licenseId, expiresAt, support.token), "is not later than");
      const forever = await t.catalogue();
      const until = plusDays(t.clock.now(), 10);
      const res = await extend(t, forever.licenseId, until, support.token);
      await refused(t, forever.licenseId, res, "there is no expiry to extend");
    });

    it("a second support extension within 30 days is refused, by the same or another support token", async () => {
      const t = await start();
      const support = await t.token("support");
      const other = await t.token("support", "second desk");
      const { licenseId, expiresAt } = await expiringLicense(t, 60);
      expect((await extend(t, licenseId, plusDays(expiresAt, 2), support.token)).status).toBe(200);
      const first = t.clock.now().toISOString();
      t.clock.advance(29 * DAY);
      const again = await extend(t, licenseId, plusDays(expiresAt, 4), other.token);
      const problem = await refused(
        t,
        licenseId,
        again,
        `Support already extended this license on ${first}`,
        { code: "SUPPORT_EXTENSION_TOO_SOON", logged: 1 },
      );
      expect(problem.remedy).toBe(
        `Ask an admin to extend it, or extend it again from ${plusDays(first, 30)}.`,
      );
    });

    it("without a reason support's extension is a validation error", async () => {
      const t = await start();
      const support = await t.token("support");
      const { licenseId, expiresAt } = await expiringLicense(t);
      const res = await extend(t, licenseId, plusDays(expiresAt, 1), support.token, "");
      expect(errorOf(res).code).toBe("VALIDATION_FAILED");
      expect(await extensions(t, licenseId)).toBe(0);
    });
  });
});
