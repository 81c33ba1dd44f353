import { encodeInstallationId, generateProductKey } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { DAY } from "../support/clock.js";
import { machine } from "../support/fingerprints.js";
import { errorOf } from "../support/http.js";
import { useServers } from "../support/server.js";
import { mailedCode, ownedCatalogue } from "../support/transfers.js";
import { confirm, devicesOf, installationIdOf } from "./support.js";

describe("phone activation: POST /v1/offline/confirmations", () => {
  const servers = useServers();

  describe("error: same rules as online activation", () => {
    it("refuses a new machine on a full license; moves the slot with transferFromDeviceId only with the owner's proof", async () => {
      const t = await servers.start();
      const c = await ownedCatalogue(t, { maxDevices: 1, transfersPerYear: 1 });
      const old = await confirm(t, (await installationIdOf(t, c.productId, c.key, machine("old"))).text);
      const iid = await installationIdOf(t, c.productId, c.key, machine("new"));
      const full = await confirm(t, iid.text);
      expect(full.status).toBe(409);
      expect(errorOf(full)).toMatchObject({ code: "DEVICE_LIMIT_REACHED" });
      expect(await devicesOf(t, c.licenseId)).toHaveLength(1);

      // The installation ID proves only the key: alone, or with a wrong code, it moves nothing.
      const unproven = await confirm(t, iid.text, { transferFromDeviceId: old.body.device.id });
      expect([unproven.status, errorOf(unproven).code]).toEqual([401, "TRANSFER_PROOF_REQUIRED"]);
      const code = await mailedCode(t, c.key);
      const wrong = await confirm(t, iid.text, {
        transferFromDeviceId: old.body.device.id,
        transferCode: "12345678",
      });
      expect(errorOf(wrong).code).toBe("TRANSFER_CODE_INVALID");
      expect(await devicesOf(t, c.licenseId)).toHaveLength(1);

      const moved = await confirm(t, iid.text, {
        transferFromDeviceId: old.body.device.id,
        transferCode: code,
      });
      expect(moved.status).toBe(201);
      expect(moved.body.transferredFrom).toBe(old.body.device.id);
      const devices = await devicesOf(t, c.licenseId);
      expect(devices.find((d) => d.id === old.body.device.id)?.deactivatedAt).toBeDefined();
      const transferred = (await t.timeline(c.licenseId)).find((e) => e.type === "device.transferred");
      expect(transferred?.data).toMatchObject({
        method: "phone",
        fromDeviceId: old.body.device.id,
        by: "code",
      });

      const third = await installationIdOf(t, c.productId, c.key, machine("third"));
      const reused = await confirm(t, third.text, {
        transferFromDeviceId: moved.body.device.id,
        transferCode: code,
      });
      expect(errorOf(reused).code).toBe("TRANSFER_CODE_INVALID");
      const none = await confirm(t, third.text, {
        transferFromDeviceId: moved.body.device.id,
        transferCode: await mailedCode(t, c.key),
      });
      expect(errorOf(none).code).toBe("TRANSFER_ALLOWANCE_EXHAUSTED");
    });

    it("refuses a suspended license and records the refusal", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      await t.adminPost(`/v1/admin/licenses/${c.licenseId}/suspend`, { reason: "chargeback" });
      const res = await confirm(t, (await installationIdOf(t, c.productId, c.key, machine("a"))).text);
      expect(res.status).toBe(403);
      expect(errorOf(res).code).toBe("LICENSE_SUSPENDED");
      expect((await t.timeline(c.licenseId)).some((e) => e.type === "activation.refused")).toBe(true);
    });
  });

  describe("error: bad input", () => {
    it("names the group with a typo, in English and Japanese", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const iid = await installationIdOf(t, c.productId, c.key, machine("a"));
      const groups = [...iid.groups];
      const g3 = groups[2] ?? "";
      groups[2] = `${g3.slice(0, 2)}${(Number(g3[2]) + 1) % 10}${g3.slice(3)}`;
      const res = await confirm(t, groups.join("-"));
      expect(res.status).toBe(400);
      expect(errorOf(res)).toMatchObject({
        code: "INSTALLATION_ID_MALFORMED",
        message: "The installation ID is not valid: group 3 has a typo",
        details: expect.objectContaining({ kind: "checksum", groups: [3] }),
      });
      const ja = await confirm(t, groups.join("-"), {}, { headers: { "accept-language": "ja" } });
      expect(errorOf(ja).message).toContain("グループ 3 に入力ミスがあります");
    });

    it("refuses a request older than the allowed days, or dated ahead", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const old = await installationIdOf(
        t,
        c.productId,
        c.key,
        machine("a"),
        new Date(t.clock.now().getTime() - 8 * DAY),
      );
      const res = await confirm(t, old.text);
      expect(res.status).toBe(410);
      expect(errorOf(res)).toMatchObject({
        code: "OFFLINE_REQUEST_EXPIRED",
        details: { maxAgeDays: 7, today: "2026-03-01" },
      });
      const ahead = await installationIdOf(
        t,
        c.productId,
        c.key,
        machine("a"),
        new Date(t.clock.now().getTime() + 3 * DAY),
      );
      expect(errorOf(await confirm(t, ahead.text)).code).toBe("OFFLINE_REQUEST_EXPIRED");
      const sevenDays = await installationIdOf(
        t,
        c.productId,
        c.key,
        machine("a"),
        new Date(t.clock.now().getTime() - 7 * DAY),
      );
      expect((await confirm(t, sevenDays.text)).status).toBe(201);
    });

    it("refuses an ID of an unknown license, a wrong key proof, and a key of another product, alike", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const other = await t.catalogue();
      const unknown = await installationIdOf(t, c.productId, generateProductKey(), machine("a"));
      expect(errorOf(await confirm(t, unknown.text)).code).toBe("INSTALLATION_ID_NOT_FOUND");

      const genuine = await installationIdOf(t, c.productId, c.key, machine("a"));
      const forged = encodeInstallationId({ ...genuine, proof: genuine.proof ^ 1 });
      const wrong = await confirm(t, forged.text);
      expect(wrong.status).toBe(404);
      expect(errorOf(wrong).message).toBe(errorOf(await confirm(t, unknown.text)).message);
      const refusals = (await t.timeline(c.licenseId)).filter((e) => e.type === "activation.refused");
      expect(refusals.map((e) => e.reason)).toEqual(["INSTALLATION_ID_NOT_FOUND"]);

      const crossed = await installationIdOf(t, other.productId, c.key, machine("a"));
      const res = await confirm(t, crossed.text);
      expect(errorOf(res)).toMatchObject({ code: "INSTALLATION_ID_NOT_FOUND" });
      expect(errorOf(res).message).toContain("another product");
    });

    it("stops self-service for an address after 10 wrong proofs a day (Retry-After), support still works", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const genuine = await installationIdOf(t, c.productId, c.key, machine("a"));
      for (let i = 1; i <= 10; i++) {
        const res = await confirm(
          t,
          encodeInstallationId({ ...genuine, proof: genuine.proof ^ i }).text,
          {},
          {
            headers: { "x-forwarded-for": `10.0.0.${i}` },
          },
        );
        expect(res.status).toBe(404);
      }
      const blocked = await confirm(t, genuine.text);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
      const support = await t.token("support");
      const bySupport = await t.adminPost(
        "/v1/admin/offline/confirmations",
        { installationId: genuine.text },
        support.token,
      );
      expect(bySupport.status).toBe(201);
      t.clock.advance(DAY + 1000);
      const later = await installationIdOf(t, c.productId, c.key, machine("a"));
      expect((await confirm(t, later.text)).status).toBe(200);
    });

    it("counts malformed and unknown IDs against the client's key-guessing allowance", async () => {
      const t = await servers.start();
      for (let i = 0; i < 20; i++) expect((await confirm(t, `1234-${i}`)).status).toBe(400);
      const res = await confirm(t, "123456");
      expect(res.status).toBe(429);
      expect(errorOf(res).code).toBe("RATE_LIMITED");
    });
  });
});
