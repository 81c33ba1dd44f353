/**
 * Webhooks are no way into the server's own network. Attacker: an admin token (stolen, or an admin who should
 * not see the server's network) registering a webhook at the cloud's metadata service, at loopback, at a private
 * address, or at a name that resolves there — at registration, or only later (DNS rebinding: a public address
 * for the check, 127.0.0.1 for the delivery). The receiver is a real one on 127.0.0.1: each refused delivery is
 * shown by what it did NOT receive. Names are resolved by a resolver the test controls (the same function the
 * connection then uses), so no test depends on the machine's DNS.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Resolve, ResolvedAddress } from "../../src/webhooks/targets.js";
import { machine } from "../support/fingerprints.js";
import { call, errorOf, str } from "../support/http.js";
import { type Receiver, startReceiver } from "../support/receiver.js";
import { useServers } from "../support/server.js";

/** A resolver answering from a table the test changes as it goes, like a DNS server the attacker runs. */
function attackerDns(): { resolve: Resolve; answers: Map<string, ResolvedAddress[]> } {
  const answers = new Map<string, ResolvedAddress[]>();
  const resolve: Resolve = async (hostname) => {
    const found = answers.get(hostname);
    if (found === undefined) throw Object.assign(new Error(`${hostname}: not found`), { code: "ENOTFOUND" });
    return found;
  };
  return { resolve, answers };
}

const v4 = (address: string): ResolvedAddress[] => [{ address, family: 4 }];

describe("webhook targets", () => {
  const servers = useServers();
  const receivers: Receiver[] = [];
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });
  const receiver = async () => {
    const r = await startReceiver();
    receivers.push(r);
    return r;
  };

  describe("security", () => {
    it("refuses at registration every address in the server's own network, by literal or by name", async () => {
      const dns = attackerDns();
      dns.answers.set("intranet.example.com", v4("127.0.0.1"));
      dns.answers.set("mixed.example.com", [...v4("203.0.113.7"), { address: "fd00::5", family: 6 }]);
      const t = await servers.start({ webhooks: { resolve: dns.resolve } });
      for (const url of [
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "http://[::1]/",
        "http://127.0.0.1:8080/hooks",
        "http://10.0.0.5/",
        "http://172.16.3.4/",
        "http://192.168.1.1/",
        "http://[fd12:3456::1]/",
        "http://[fe80::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://0.0.0.0/",
        "http://2130706433/", // 127.0.0.1 as one number
        "http://0x7f.1/", // 127.0.0.1 in hex and short form
        "http://localhost:8080/",
        "http://LOCALHOST./",
        "http://admin.localhost/",
        "http://intranet.example.com/hooks",
        "http://mixed.example.com/hooks",
      ]) {
        const res = await t.adminPost("/v1/admin/webhooks", { url });
        expect([url, res.status]).toEqual([url, 400]);
        expect(errorOf(res).code).toBe("WEBHOOK_TARGET_PRIVATE");
      }
      expect((await t.adminGet("/v1/admin/webhooks")).body.webhooks).toEqual([]);
    });

    it("refuses a private address given later by PATCH, and tells the admin why in Japanese too", async () => {
      const t = await servers.start({ webhooks: { resolve: attackerDns().resolve } });
      const made = await t.adminPost("/v1/admin/webhooks", { url: "https://203.0.113.10/hooks" });
      expect(made.status).toBe(201);
      const id = str(made.body, "id");
      const res = await call(
        t.app,
        "PATCH",
        `/v1/admin/webhooks/${id}`,
        { url: "http://169.254.169.254/", reason: "move" },
        { token: t.admin, headers: { "accept-language": "ja" } },
      );
      expect(res.status).toBe(400);
      const error = errorOf(res);
      expect(error.code).toBe("WEBHOOK_TARGET_PRIVATE");
      expect(error.message).toContain("169.254.169.254");
      expect(error.remedy).toContain("NINSHO_WEBHOOKS_ALLOW_PRIVATE");
      expect((await t.adminGet("/v1/admin/webhooks")).body.webhooks).toMatchObject([
        { url: "https://203.0.113.10/hooks" },
      ]);
    });

    it("checks again at delivery: a name that resolved to a public address now resolving to 127.0.0.1 gets nothing", async () => {
      const dns = attackerDns();
      const r = await receiver();
      const port = new URL(r.url).port;
      dns.answers.set("rebind.example.com", v4("203.0.113.7"));
      const t = await servers.start({ webhooks: { resolve: dns.resolve } });
      const made = await t.adminPost("/v1/admin/webhooks", {
        url: `http://rebind.example.com:${port}/hooks`,
      });
      expect(made.status).toBe(201);
      // The attacker's DNS now answers with the server's loopback, where the receiver stands for an internal service.
      dns.answers.set("rebind.example.com", v4("127.0.0.1"));
      const c = await t.catalogue();
      await t.activated(c.key, machine("rebound"));
      await t.deps.webhooks.runOnce();

      expect(r.received).toEqual([]);
      const log = await t.adminGet(`/v1/admin/webhooks/${str(made.body, "id")}/deliveries`);
      const deliveries = log.body.deliveries as { status: string; lastError?: string }[];
      expect(deliveries.length).toBeGreaterThan(0);
      for (const d of deliveries) {
        expect(d.status).toBe("pending"); // retried later: the name may point outside again
        expect(d.lastError).toContain("WEBHOOK_TARGET_PRIVATE");
      }
    });

    it("refuses at delivery an endpoint stored before the check existed, pointing at loopback", async () => {
      const r = await receiver();
      const t = await servers.start();
      const made = await t.adminPost("/v1/admin/webhooks", { url: "https://203.0.113.10/hooks" });
      const id = str(made.body, "id");
      // As an older server stored it: no check at registration then.
      await t.store.webhooks.updateEndpoint(id, { url: r.url });
      const c = await t.catalogue();
      await t.activated(c.key, machine("old endpoint"));
      await t.deps.webhooks.runOnce();
      expect(r.received).toEqual([]);
    });
  });
});
