/**
 * Channels as policy rules (issue 13 point 4), walked through HTTP as their users meet them, with the stories
 * of the issue end to end: an OEM board change refused, then a warranty repair by support; an upgrade moved to
 * a new machine keeping its base, and a refund giving the base back; a trial reinstalled on the same machine.
 */
import { verifyLease } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { accountCall, signedIn } from "../support/accounts.js";
import { billingSecretOf, signedBilling, stripeEvent } from "../support/billing.js";
import { DAY } from "../support/clock.js";
import { machine, withChanged } from "../support/fingerprints.js";
import { errorOf, post, str } from "../support/http.js";
import { aDevice, useServers } from "../support/server.js";
import { ownedCatalogue, transferWithCode } from "../support/transfers.js";
import { activateWithBase, adminLicense, channelCatalogue, newBoard, warrantyRepair } from "./support.js";

describe("channels", () => {
  const servers = useServers();

  it("retail: transferable within the allowance — the license moves to a new machine in self-service", async () => {
    const t = await servers.start();
    const c = await ownedCatalogue(t, { channel: "retail", maxDevices: 1, transfersPerYear: 1 });
    const old = await t.activated(c.key, machine("retail-old"));
    const moved = await transferWithCode(t, c.key, {
      replacesDeviceId: old.deviceId,
      fingerprint: machine("retail-new"),
    });
    expect(moved.status).toBe(201);
    expect((moved.body as { transfersLeft: number }).transfersLeft).toBe(0);
  });

  it("story: an OEM board change is refused, then a warranty repair by support moves the license once", async () => {
    const t = await servers.start();
    const c = await channelCatalogue(t, { channel: "oem" });
    const pc = machine("oem-pc");
    await t.activated(c.key, pc);
    expect((await adminLicense(t, c.licenseId)).boundComponent).toEqual({ kind: "board" });
    // The same PC with more memory: recognised, still on its board.
    expect((await t.activate(c.key, withChanged(pc, ["ram"]))).status).toBe(200);

    // The motherboard is replaced: disk and install stay, so matching alone would recognise the machine.
    const repaired = newBoard(pc);
    const refused = await t.activate(c.key, repaired);
    expect(refused.status).toBe(409);
    expect(errorOf(refused).code).toBe("OEM_BOARD_CHANGED");

    const support = await t.token("support");
    const repair = await warrantyRepair(t, c.licenseId, support.token);
    expect(repair.status).toBe(201);
    expect((repair.body as { warrantyRepair?: { reason: string } }).warrantyRepair?.reason).toMatch(
      /warranty/,
    );

    const moved = await t.activate(c.key, repaired);
    expect(moved.status).toBe(201);
    // Once: the next board is refused again, and the old board no longer matches either.
    expect(errorOf(await t.activate(c.key, newBoard(pc, "second"))).code).toBe("OEM_BOARD_CHANGED");
    const types = (await t.timeline(c.licenseId)).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        "license.bound",
        "license.warranty_repair",
        "license.rebound",
        "activation.refused",
      ]),
    );
  });

  it("bundle (DSP): bound to the component kind it was sold with, whatever else changes", async () => {
    const t = await servers.start();
    const c = await channelCatalogue(t, { channel: "bundle", bundleComponent: "gpu", maxDevices: 3 });
    const pc = machine("dsp-pc");
    await t.activated(c.key, pc);
    // A new board and disk, the bundled GPU moved along: still this license's machine.
    const rebuilt = withChanged(pc, ["board", "disk", "mac", "os-install"], "rebuilt");
    expect((await t.activate(c.key, rebuilt)).status).toBe(201);
    const other = await t.activate(c.key, machine("dsp-other"));
    expect(errorOf(other).code).toBe("BUNDLE_COMPONENT_CHANGED");
  });

  it("volume: one key, N activations, and the used and total counts for the customer's IT admin", async () => {
    const t = await servers.start();
    const c = await channelCatalogue(t, { channel: "volume", maxDevices: 50 });
    for (const name of ["vol-a", "vol-b", "vol-c"]) await t.activated(c.key, machine(name), aDevice(name));
    const usage = await post(t.app, "/v1/licenses/usage", { key: c.key.toLowerCase() });
    expect(usage.status).toBe(200);
    expect(usage.body).toMatchObject({ licenseId: c.licenseId, channel: "volume", used: 3, total: 50 });
    const names = (usage.body as { devices: { name: string }[] }).devices.map((d) => d.name).sort();
    expect(names).toEqual(["vol-a", "vol-b", "vol-c"]);
  });

  it("subscription: the lease never outlives the paid period, and a renewal carries devices on", async () => {
    const t = await servers.start();
    const c = await channelCatalogue(t, {
      channel: "subscription",
      graceAfterPaymentFailureDays: 3,
      expiry: { kind: "duration", seconds: 30 * 86_400 },
    });
    const policy = await t.adminGet(`/v1/admin/policies/${c.policyId}`);
    expect((policy.body as { graceAfterPaymentFailureDays?: number }).graceAfterPaymentFailureDays).toBe(3);
    const { answer } = await t.activated(c.key, machine("sub"));
    const expiresAt = str(answer.body, "license.expiresAt");
    expect(Date.parse(str(answer.body, "leaseExpiresAt"))).toBeLessThanOrEqual(Date.parse(expiresAt));
  });

  it("story: a trial reinstalled on the same machine, with a new key or after deactivation, is TRIAL_ALREADY_USED", async () => {
    const t = await servers.start();
    const c = await channelCatalogue(
      t,
      { channel: "trial", expiry: { kind: "duration", seconds: 14 * 86_400 } },
      2,
    );
    const [first, second] = c.licenses;
    if (!first || !second) throw new Error("two trial keys");
    const pc = machine("trial-pc");
    const { deviceId } = await t.activated(first.key, pc);
    // The app (and the OS) reinstalled: a new install id; the same trial key comes back to its own trial.
    const reinstalled = withChanged(pc, ["os-install"], "reinstall");
    expect((await t.activate(first.key, reinstalled)).status).toBe(200);
    // Deactivated, then a new trial key on the same machine.
    const off = await t.adminPost(`/v1/admin/devices/${deviceId}/deactivate`, { reason: "reinstalling" });
    expect(off.status).toBe(200);
    const again = await t.activate(second.key, reinstalled);
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe("TRIAL_ALREADY_USED");
    // The limit, said plainly: another machine gets its own trial.
    expect((await t.activate(second.key, machine("trial-other"))).status).toBe(201);
  });

  it("story: an upgrade consumes its base, keeps it on a new machine, and a refund gives the base back", async () => {
    const t = await servers.start();
    const base = await channelCatalogue(t, { channel: "retail", name: "Home 2025" });
    const upgradePolicy = await t.policy(base.productId, {
      channel: "upgrade",
      name: "Pro upgrade",
      maxDevices: 1,
      basePolicyId: base.policyId,
    });
    const [upgrade] = await t.issue(upgradePolicy, 1, "aiko@example.jp");
    if (!upgrade) throw new Error("an upgrade key");
    const pc = machine("up-pc");
    await t.activated(base.key, pc);

    // Named by id: the base runs on this very machine.
    const first = await activateWithBase(t, upgrade.key, pc, { baseLicenseId: base.licenseId });
    expect(first.status).toBe(201);
    expect(await adminLicense(t, upgrade.id)).toMatchObject({ baseLicenseId: base.licenseId });
    expect(await adminLicense(t, base.licenseId)).toMatchObject({ consumedBy: upgrade.id });
    expect(errorOf(await t.activate(base.key, pc)).code).toBe("LICENSE_UPGRADED");

    // A new machine: the upgrade moves (by transfer) with no base named again, and the chain stays.
    const newPc = machine("up-new-pc");
    const moved = await transferWithCode(
      t,
      upgrade.key,
      { replacesDeviceId: str(first.body, "device.id"), fingerprint: newPc },
      { email: "aiko@example.jp" },
    );
    expect(moved.status).toBe(201);
    expect((await t.activate(upgrade.key, newPc)).status).toBe(200);
    expect(await adminLicense(t, upgrade.id)).toMatchObject({ baseLicenseId: base.licenseId });

    // The owner sees the chain.
    const cookie = await signedIn(t, "aiko@example.jp");
    const mine = await accountCall(t, "GET", "/v1/me/licenses", undefined, { cookie });
    const shown = (mine.body as { licenses: { id: string; upgradeOf?: { id: string } }[] }).licenses;
    expect(shown.find((l) => l.id === upgrade.id)?.upgradeOf?.id).toBe(base.licenseId);

    // Refunded (revoked): the base works again by itself.
    const revoked = await t.adminPost(`/v1/admin/licenses/${upgrade.id}/revoke`, { reason: "refunded" });
    expect(revoked.status).toBe(200);
    expect((await adminLicense(t, base.licenseId)).consumedBy).toBeUndefined();
    expect((await t.activate(base.key, pc)).status).toBe(200);
    expect((await t.timeline(base.licenseId)).map((e) => e.type)).toEqual(
      expect.arrayContaining(["license.base_consumed", "license.base_released"]),
    );
  });

  it("subscription: a failed payment runs the policy's grace, then SUBSCRIPTION_PAST_DUE; a renewal brings it back", async () => {
    const t = await servers.start();
    const c = await channelCatalogue(t, {
      channel: "subscription",
      graceAfterPaymentFailureDays: 3,
      expiry: { kind: "duration", seconds: 30 * 86_400 },
    });
    const pc = machine("sub-grace");
    await t.activated(c.key, pc);
    const secret = await billingSecretOf(t, "stripe");
    t.clock.advance(30 * DAY);
    const failed = stripeEvent("evt_fail_1", "invoice.payment_failed", c.licenseId);
    expect((await signedBilling(t, "/v1/billing/stripe", failed, secret)).status).toBe(200);
    expect((await t.activate(c.key, pc)).status).toBe(200);
    t.clock.advance(3 * DAY + 1000);
    const lapsed = await t.activate(c.key, pc);
    expect(errorOf(lapsed).code).toBe("SUBSCRIPTION_PAST_DUE");
    const periodEnd = Math.floor(t.clock.now().getTime() / 1000) + 30 * 86_400;
    const paid = stripeEvent("evt_paid_1", "invoice.paid", c.licenseId, {
      lines: { data: [{ period: { end: periodEnd } }] },
    });
    expect((await signedBilling(t, "/v1/billing/stripe", paid, secret)).status).toBe(200);
    expect((await t.activate(c.key, pc)).status).toBe(200);
    expect((await adminLicense(t, c.licenseId)).pastDueSince).toBeUndefined();
  });

  it("upgrade: a refund from billing gives the base back", async () => {
    const t = await servers.start();
    const base = await channelCatalogue(t, { channel: "retail" });
    const policy = await t.policy(base.productId, { channel: "upgrade", basePolicyId: base.policyId });
    const [upgrade] = await t.issue(policy);
    if (!upgrade) throw new Error("an upgrade key");
    expect((await activateWithBase(t, upgrade.key, machine("refund"), { baseKey: base.key })).status).toBe(
      201,
    );
    const secret = await billingSecretOf(t, "stripe");
    const refund = stripeEvent("evt_refund_1", "charge.refunded", upgrade.id);
    expect((await signedBilling(t, "/v1/billing/stripe", refund, secret)).status).toBe(200);
    expect((await adminLicense(t, upgrade.id)).state).toBe("revoked");
    expect((await adminLicense(t, base.licenseId)).consumedBy).toBeUndefined();
    expect((await t.activate(base.key, machine("refund"))).status).toBe(201);
  });

  it("entitlements: a license adds and removes features; the lease carries them", async () => {
    const t = await servers.start();
    const c = await channelCatalogue(t, { entitlements: ["pro", "beta"] });
    const changed = await t.adminPost(`/v1/admin/licenses/${c.licenseId}/entitlements`, {
      add: ["export"],
      remove: ["beta"],
      reason: "bought the export add-on",
    });
    expect(changed.status).toBe(200);
    expect((changed.body as { entitlementChanges: unknown }).entitlementChanges).toEqual({
      add: ["export"],
      remove: ["beta"],
    });
    const { answer, lease } = await t.activated(c.key, machine("ent"));
    expect((answer.body as { license: { entitlements: string[] } }).license.entitlements).toEqual([
      "export",
      "pro",
    ]);
    const claims = verifyLease(lease, await t.publicKeys());
    if (!claims.ok) throw new Error("a lease");
    expect(claims.value.ent).toEqual(["export", "pro"]);
  });
});
