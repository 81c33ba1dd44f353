/**
 * How the error catalogue's test reaches each channel code through HTTP (see error-catalogue.happy.test.ts),
 * kept beside the channel tests so the codes and the flows that produce them change together.
 */
import type { ErrorCode } from "@ninsho/core";
import { confirm, installationIdOf } from "../offline/support.js";
import { machine } from "../support/fingerprints.js";
import type { Answer } from "../support/http.js";
import { aDevice, type TestServer } from "../support/server.js";
import { activateWithBase, newBoard, warrantyRepair } from "./support.js";

type Producers = Partial<Record<ErrorCode, () => Promise<Answer>>>;

export function channelProducers(server: () => TestServer, headers: Record<string, string>): Producers {
  const opts = { headers };
  const upgradeOf = async (t: TestServer) => {
    const base = await t.catalogue({ channel: "retail" });
    const policy = await t.policy(base.productId, { channel: "upgrade", basePolicyId: base.policyId });
    const [upgrade] = await t.issue(policy);
    if (!upgrade) throw new Error("an upgrade key");
    return { base, upgrade };
  };
  return {
    OEM_BOARD_CHANGED: async () => {
      const t = server();
      const c = await t.catalogue({ channel: "oem" });
      await t.activated(c.key, machine("oem"));
      return t.activate(c.key, newBoard(machine("oem")), aDevice(), opts);
    },
    BUNDLE_COMPONENT_CHANGED: async () => {
      const t = server();
      const c = await t.catalogue({ channel: "bundle", bundleComponent: "gpu", maxDevices: 2 });
      await t.activated(c.key, machine("dsp"));
      return t.activate(c.key, machine("dsp-other"), aDevice(), opts);
    },
    BOUND_COMPONENT_MISSING: async () => {
      const t = server();
      const c = await t.catalogue({ channel: "oem" });
      const boardless = { ...machine("no-board"), components: machine("no-board").components.slice(1) };
      return t.activate(c.key, boardless, aDevice(), opts);
    },
    BOUND_COMPONENT_NOT_BY_PHONE: async () => {
      const t = server();
      const c = await t.catalogue({ channel: "bundle", bundleComponent: "gpu" });
      const iid = await installationIdOf(t, c.productId, c.key, machine("dsp-phone"));
      return confirm(t, iid.text, {}, opts);
    },
    WARRANTY_REPAIR_NOT_APPLICABLE: async () => {
      const t = server();
      const c = await t.catalogue({ channel: "retail" });
      return warrantyRepair(t, c.licenseId, t.admin, opts);
    },
    TRIAL_ALREADY_USED: async () => {
      const t = server();
      const c = await t.catalogue({ channel: "trial" }, 2);
      await t.activated(c.licenses[0]?.key ?? "", machine("trial"));
      return t.activate(c.licenses[1]?.key ?? "", machine("trial"), aDevice(), opts);
    },
    UPGRADE_BASE_REQUIRED: async () => {
      const t = server();
      const { upgrade } = await upgradeOf(t);
      return t.activate(upgrade.key, machine("upgrade"), aDevice(), opts);
    },
    UPGRADE_BASE_INVALID: async () => {
      const t = server();
      const { base, upgrade } = await upgradeOf(t);
      // Named by id while the base runs on no machine here: an id proves nothing of holding it.
      return activateWithBase(t, upgrade.key, machine("upgrade"), { baseLicenseId: base.licenseId }, opts);
    },
    LICENSE_UPGRADED: async () => {
      const t = server();
      const { base, upgrade } = await upgradeOf(t);
      const first = await activateWithBase(t, upgrade.key, machine("upgrade"), { baseKey: base.key });
      if (first.status !== 201) throw new Error(`upgrade: ${first.status} ${first.text}`);
      return t.activate(base.key, machine("base"), aDevice(), opts);
    },
    SUBSCRIPTION_PAST_DUE: async () => {
      const t = server();
      const c = await t.catalogue({ channel: "subscription" });
      // The billing route that marks a failed payment is another part's; its effect is set in the store here.
      const past = new Date(t.clock.now().getTime() - 1000).toISOString();
      await t.store.licenses.update(c.licenseId, { pastDueSince: past, expiresAt: past });
      return t.activate(c.key, machine("sub"), aDevice(), opts);
    },
  };
}
