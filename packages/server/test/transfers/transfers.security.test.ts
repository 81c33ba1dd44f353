/**
 * Attackers of the self-service hardware change: another account with swapped ids, a foreign page posting with
 * the owner's cookie (CSRF), a guesser of mailed codes, and a stolen key hopping machines inside the cool-down.
 */
import { describe, expect, it } from "vitest";
import { signedIn } from "../support/accounts.js";
import { DAY } from "../support/clock.js";
import { machine } from "../support/fingerprints.js";
import { errorOf, post } from "../support/http.js";
import { aDevice, useServers } from "../support/server.js";
import {
  mailedCode,
  ownedCatalogue,
  ownerSignedIn,
  transferSignedIn,
  transferWithCode,
} from "../support/transfers.js";

describe("transfers", () => {
  const servers = useServers();

  describe("security", () => {
    it("a second account cannot move another account's license (swapped ids): LICENSE_NOT_FOUND, nothing moves", async () => {
      const t = await servers.start();
      const c = await ownedCatalogue(t, { maxDevices: 1 });
      const { deviceId } = await t.activated(c.key, machine("owner-pc"));
      const other = await signedIn(t, "mallory@example.jp");
      const move = { replacesDeviceId: deviceId, fingerprint: machine("mallory-pc") };
      const swapped = await transferSignedIn(t, other, c.licenseId, move);
      expect([swapped.status, errorOf(swapped).code]).toEqual([404, "LICENSE_NOT_FOUND"]);
      const owner = await ownerSignedIn(t);
      const moved = await transferSignedIn(t, owner, c.licenseId, {
        ...move,
        fingerprint: machine("new-pc"),
      });
      expect(moved.status, moved.text).toBe(201);
    });

    it("CSRF: the owner's cookie from a foreign Origin is refused and moves nothing", async () => {
      const t = await servers.start();
      const c = await ownedCatalogue(t, { maxDevices: 1 });
      const { deviceId } = await t.activated(c.key, machine("owner-pc"));
      const cookie = await ownerSignedIn(t);
      const move = { replacesDeviceId: deviceId, fingerprint: machine("evil-pc") };
      const forged = await transferSignedIn(t, cookie, c.licenseId, move, "https://evil.example");
      expect([forged.status, errorOf(forged).code]).toEqual([403, "CROSS_ORIGIN_REFUSED"]);
      const events = await t.timeline(c.licenseId);
      expect(events.some((e) => e.type === "device.transferred")).toBe(false);
    });

    it("a mailed code is not guessable: 5 wrong tries kill it, even the right code after them", async () => {
      const t = await servers.start();
      const c = await ownedCatalogue(t, { maxDevices: 1 });
      const { deviceId } = await t.activated(c.key, machine("owner-pc"));
      const code = await mailedCode(t, c.key);
      const move = { replacesDeviceId: deviceId, fingerprint: machine("guesser") };
      const wrong = code === "00000000" ? "11111111" : "00000000";
      for (let left = 4; left >= 0; left--) {
        const guess = await transferWithCode(t, c.key, move, { code: wrong });
        expect(errorOf(guess)).toMatchObject({
          code: "TRANSFER_CODE_INVALID",
          details: { attemptsLeft: left },
        });
      }
      const late = await transferWithCode(t, c.key, move, { code });
      expect(errorOf(late).code).toBe("TRANSFER_CODE_INVALID");
      // Codes are mailed 3 an hour per license: guesses never add up.
      await mailedCode(t, c.key);
      await mailedCode(t, c.key);
      const fourth = await post(t.app, "/v1/transfers/codes", { key: c.key });
      expect([fourth.status, errorOf(fourth).code]).toEqual([429, "RATE_LIMITED"]);
    });

    it("the cool-down is honoured: a second move inside it is refused, with when it ends; after it, allowed", async () => {
      const t = await servers.start();
      const c = await ownedCatalogue(t, {
        maxDevices: 1,
        transfersPerYear: 5,
        transferCooldownSeconds: 7 * 86_400,
      });
      const cookie = await ownerSignedIn(t);
      const { deviceId } = await t.activated(c.key, machine("gen-0"));
      const first = await transferSignedIn(t, cookie, c.licenseId, {
        replacesDeviceId: deviceId,
        fingerprint: machine("gen-1"),
      });
      expect(first.status).toBe(201);
      const movedAt = t.clock.now();
      const next = (first.body as { device: { id: string } }).device.id;
      t.clock.advance(DAY);
      const hop = await transferSignedIn(t, cookie, c.licenseId, {
        replacesDeviceId: next,
        fingerprint: machine("gen-2"),
      });
      const nextAt = new Date(movedAt.getTime() + 7 * DAY).toISOString();
      expect(errorOf(hop)).toMatchObject({
        code: "TRANSFER_ALLOWANCE_EXHAUSTED",
        details: { reason: "cooldown", nextAt, cooldownHours: 168 },
      });
      t.clock.set(nextAt);
      const later = await transferSignedIn(t, cookie, c.licenseId, {
        replacesDeviceId: next,
        fingerprint: machine("gen-2"),
        device: aDevice("Gen 2"),
      });
      expect(later.status).toBe(201);
    });
  });
});

describe("transfers: the allowance is spent", () => {
  const servers = useServers();

  it("a clear refusal names a support request, which support lists with the devices and the timeline", async () => {
    const t = await servers.start();
    const c = await ownedCatalogue(t, { maxDevices: 1, transfersPerYear: 1 });
    const cookie = await ownerSignedIn(t);
    const { deviceId } = await t.activated(c.key, machine("gen-0"));
    const first = await transferSignedIn(t, cookie, c.licenseId, {
      replacesDeviceId: deviceId,
      fingerprint: machine("gen-1"),
    });
    const now = (first.body as { device: { id: string } }).device.id;
    const refused = await transferSignedIn(t, cookie, c.licenseId, {
      replacesDeviceId: now,
      fingerprint: machine("gen-2"),
    });
    expect(refused.status).toBe(409);
    const error = errorOf(refused);
    expect(error.code).toBe("TRANSFER_ALLOWANCE_EXHAUSTED");
    const request = (error.details as { request: string }).request;
    expect(request).toMatch(/^sup_/);
    expect(error.remedy).toContain(`Support request ${request} was opened`);
    const support = await t.token("support");
    const listed = await t.adminGet(`/v1/admin/support-requests?licenseId=${c.licenseId}`, support.token);
    expect(listed.status).toBe(200);
    const [opened] = (
      listed.body as { requests: { id: string; kind: string; context: Record<string, unknown> }[] }
    ).requests;
    expect(opened).toMatchObject({ id: request, kind: "transfer_allowance", status: "open" });
    expect(opened?.context).toMatchObject({
      refusal: { code: "TRANSFER_ALLOWANCE_EXHAUSTED" },
      request: { replacesDeviceId: now, proof: "account" },
    });
    if (!opened) throw new Error("no support request listed");
    expect((opened.context.devices as unknown[]).length).toBe(2);
    expect((opened.context.timeline as { type: string }[]).map((e) => e.type)).toContain(
      "device.transferred",
    );
    const readonly = await t.token("readonly");
    expect((await t.adminGet("/v1/admin/support-requests", readonly.token)).status).toBe(403);
    expect((await t.timeline(c.licenseId)).at(-1)).toMatchObject({ type: "support.requested" });
  });
});
