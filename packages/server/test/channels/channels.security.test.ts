/**
 * Attackers of the channel rules, each named, each played: a user moving an OEM key to another machine; a user
 * reinstalling to get trial after trial; a user spending someone else's base (by id) or one base on two
 * upgrades; staff without the role; a caller reading a volume key's machines without the key.
 */
import { generateProductKey } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { MemoryRateLimitRepository } from "../../src/security/memoryCounters.js";
import { RateLimits } from "../../src/security/rateLimits.js";
import { machine, withChanged } from "../support/fingerprints.js";
import { errorOf, post } from "../support/http.js";
import { aDevice, useServers } from "../support/server.js";
import { activateWithBase, warrantyRepair } from "./support.js";

describe("channels", () => {
  const servers = useServers("all");

  it("a user moving an OEM key to another machine is refused, even with a free slot", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ channel: "oem", maxDevices: 5 });
    await t.activated(c.key, machine("oem-home"));
    expect(errorOf(await t.activate(c.key, machine("oem-friend"))).code).toBe("OEM_BOARD_CHANGED");
  });

  it("a repair rebinds once only: a second machine after the repaired one is refused again", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ channel: "oem", maxDevices: 5 });
    await t.activated(c.key, machine("oem-1"));
    expect((await warrantyRepair(t, c.licenseId)).status).toBe(201);
    expect((await t.activate(c.key, machine("oem-2"))).status).toBe(201);
    expect(errorOf(await t.activate(c.key, machine("oem-3"))).code).toBe("OEM_BOARD_CHANGED");
  });

  it("only support or admin records a warranty repair, only admin changes entitlements", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ channel: "oem" });
    const readonly = await t.token("readonly");
    const support = await t.token("support");
    expect((await warrantyRepair(t, c.licenseId, readonly.token)).status).toBe(403);
    const path = `/v1/admin/licenses/${c.licenseId}/entitlements`;
    const body = { add: ["export"], reason: "r" };
    expect((await post(t.app, path, body, { token: support.token })).status).toBe(403);
    expect((await post(t.app, path, body)).status).toBe(401);
  });

  it("a user asking for one trial key after another on one machine gets one trial (also with a new app install)", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ channel: "trial", maxDevices: 1 }, 4);
    const pc = machine("trial-abuser");
    const [first, ...others] = c.licenses;
    if (!first) throw new Error("keys");
    await t.activated(first.key, pc);
    for (const [i, other] of others.entries()) {
      const reinstalled = withChanged(pc, ["os-install", "mac"], `reinstall-${i}`);
      const res = await t.activate(other.key, reinstalled);
      expect(errorOf(res).code).toBe("TRIAL_ALREADY_USED");
    }
    // A trial of another product on the same machine is its own.
    const otherProduct = await t.catalogue({ channel: "trial" });
    expect((await t.activate(otherProduct.key, pc)).status).toBe(201);
  });

  it("a base named by someone else's license id is refused; one base never serves two upgrades", async () => {
    const t = await servers.start();
    const base = await t.catalogue({ channel: "retail" });
    const policy = await t.policy(base.productId, { channel: "upgrade" });
    const [mine, theirs] = await t.issue(policy, 2);
    if (!mine || !theirs) throw new Error("keys");
    await t.activated(base.key, machine("base-owner"));
    // The attacker knows the base's id, but the base runs on another machine.
    const byId = await activateWithBase(t, theirs.key, machine("attacker"), {
      baseLicenseId: base.licenseId,
    });
    expect(errorOf(byId)).toMatchObject({ code: "UPGRADE_BASE_INVALID" });
    expect(byId.text).toMatch(/key/);
    expect((await activateWithBase(t, mine.key, machine("base-owner"), { baseKey: base.key })).status).toBe(
      201,
    );
    const twice = await activateWithBase(t, theirs.key, machine("attacker"), { baseKey: base.key });
    expect(errorOf(twice).message).toMatch(/another upgrade/);
  });

  it("usage shows no hardware digest, and an unknown key is counted as a guess (429 past the allowance)", async () => {
    const limits = new RateLimits(new MemoryRateLimitRepository(), {
      perClient: 2,
      global: 100_000,
      windowSeconds: 60,
    });
    const t = await servers.start({ limits });
    const c = await t.catalogue({ channel: "volume", maxDevices: 10 });
    await t.activated(c.key, machine("vol-secret"), aDevice("Reception PC"));
    const usage = await post(t.app, "/v1/licenses/usage", { key: c.key });
    expect(usage.text).not.toMatch(/k1\.|digest|components/);
    const guesses = [];
    for (let i = 0; i < 4; i++)
      guesses.push((await post(t.app, "/v1/licenses/usage", { key: generateProductKey() })).status);
    expect(guesses).toContain(429);
  });
});
