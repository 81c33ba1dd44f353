import type { AdminLicense, AuditList, Policy, Product, WebhookList } from "@ninsho/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, runCli, startTestServer, type TestServer } from "./support/harness.js";

let server: TestServer;
let policyId: string;
let licenseId: string;

beforeAll(async () => {
  server = await startTestServer();
  const found = json<AdminLicense>(
    await runCli(["licenses", "show", server.server.seeded?.demoKey ?? "", "--json"], server.env),
  );
  licenseId = found.id;
  policyId = found.policyId;
});
afterAll(async () => {
  await server.close();
});

describe("ninsho admin changes", () => {
  it("edits a policy, overrides one license, notes it, and the audit log shows each with its reason", async () => {
    const updated = json<Policy>(
      await runCli(
        ["policies", "update", policyId, "--max-devices", "4", "--reason", "four per license", "--json"],
        server.env,
      ),
    );
    expect(updated.maxDevices).toBe(4);
    const overridden = json<AdminLicense>(
      await runCli(
        ["licenses", "override", licenseId, "--max-devices", "9", "--reason", "deal", "--json"],
        server.env,
      ),
    );
    expect(overridden.overrides).toEqual({ maxDevices: 9 });
    const back = json<AdminLicense>(
      await runCli(
        ["licenses", "override", licenseId, "--max-devices", "policy", "--reason", "end", "--json"],
        server.env,
      ),
    );
    expect(back.overrides).toBeUndefined();
    expect((await runCli(["licenses", "note", licenseId, "--text", "called"], server.env)).code).toBe(0);

    const audit = json<AuditList>(await runCli(["audit", "--target", policyId, "--json"], server.env));
    expect(audit.entries.map((e) => [e.type, e.reason])).toEqual([["policy.updated", "four per license"]]);
    const human = await runCli(["audit", "--target", licenseId], server.env);
    expect(human.stdout).toContain("license.overrides_changed");
    expect(human.stdout).toContain("license.noted");
  });

  it("archives only with --yes (exit 2 otherwise), and restores", async () => {
    const unconfirmed = await runCli(["policies", "archive", policyId, "--reason", "old"], server.env);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain("Error CONFIRMATION_REQUIRED");
    expect(unconfirmed.stderr).toContain("--yes");
    const archived = json<Policy>(
      await runCli(["policies", "archive", policyId, "--reason", "old", "--yes", "--json"], server.env),
    );
    expect(archived.archivedAt).toBeDefined();
    const restored = json<Policy>(
      await runCli(["policies", "restore", policyId, "--reason", "back", "--json"], server.env),
    );
    expect(restored.archivedAt).toBeUndefined();
  });

  it("sets a product's phone features, appends to them, and a reordered list is refused (exit 3)", async () => {
    const productId = server.server.seeded?.productId ?? "";
    const set = await runCli(
      ["products", "phone-features", productId, "--feature", "export", "--reason", "export by phone"],
      server.env,
    );
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/^Phone features {2}export$/m);
    const more = json<Product>(
      await runCli(
        [
          "products",
          "phone-features",
          productId,
          "--feature",
          "export",
          "print",
          "--reason",
          "print",
          "--json",
        ],
        server.env,
      ),
    );
    expect(more.phoneFeatures).toEqual(["export", "print"]);
    const reordered = await runCli(
      ["products", "phone-features", productId, "--feature", "print", "export", "--reason", "swap"],
      server.env,
    );
    expect(reordered.code).toBe(3);
    expect(reordered.stderr).toContain("Error PHONE_FEATURES_INVALID");
    expect(reordered.stderr).toContain("(the list now: export, print)");
  });

  it("registers a webhook endpoint (secret shown once) and lists it", async () => {
    const created = await runCli(
      ["webhooks", "create", "--endpoint", "https://203.0.113.10/none", "--events", "license.*"],
      server.env,
    );
    expect(created.code).toBe(0);
    expect(created.stdout.split("\n")[0]).toMatch(/^whsec_/);
    const listed = json<WebhookList>(await runCli(["webhooks", "list", "--json"], server.env));
    expect(listed.webhooks).toMatchObject([{ url: "https://203.0.113.10/none", eventTypes: ["license.*"] }]);
    expect(JSON.stringify(listed)).not.toContain("whsec_");
  });
});
