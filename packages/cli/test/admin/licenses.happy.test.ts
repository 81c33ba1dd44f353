import type { AdminLicense, LicenseDetail } from "@ninsho/contract";
import type { LicenseEvent } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, runCli, startTestServer, type TestServer } from "./support/harness.js";

let server: TestServer;
let demoKey: string;
let licenseId: string;
let deviceId: string;

/** Activate a device on a key through the public API, as an app would. */
async function activate(key: string, name: string): Promise<string> {
  const digest = (c: string) => c.repeat(64);
  const response = await fetch(`${server.url}/v1/activations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      key,
      fingerprint: {
        collector: "test/1",
        components: [
          { kind: "board", digest: digest(name.length % 2 ? "a" : "b") },
          { kind: "disk", digest: digest(name.length % 2 ? "c" : "d") },
        ],
      },
      device: { name, platform: "linux" },
    }),
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { device: { id: string } };
  return body.device.id;
}

beforeAll(async () => {
  server = await startTestServer();
  demoKey = server.server.seeded?.demoKey ?? "";
  deviceId = await activate(demoKey, "workstation");
  const found = json<LicenseDetail>(await runCli(["licenses", "show", demoKey, "--json"], server.env));
  licenseId = found.id;
});
afterAll(async () => {
  await server.close();
});

const change = async (args: string[]) => {
  const run = await runCli(["licenses", ...args], server.env);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return run;
};

describe("ninsho licenses", () => {
  it("finds a license by its key as a customer reads it out, or by id", async () => {
    const spoken = demoKey.toLowerCase().replaceAll("-", " ");
    const byKey = await runCli(["licenses", "show", spoken], server.env);
    expect(byKey.code).toBe(0);
    expect(byKey.stdout).toContain(licenseId);
    expect(byKey.stdout).toMatch(/^Devices \(1\):$/m);
    expect(byKey.stdout).toContain("workstation");
    const byId = json<LicenseDetail>(await runCli(["licenses", "show", licenseId, "--json"], server.env));
    expect(byId.devices.map((d) => d.id)).toEqual([deviceId]);
  });

  it("refuses a mistyped key before any request, naming its group (exit 2)", async () => {
    const last = demoKey.at(-1) === "B" ? "C" : "B";
    const run = await runCli(["licenses", "show", `${demoKey.slice(0, -1)}${last}`], server.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Error KEY_MALFORMED: The product key is not valid: group 5 has a typo");
    expect(run.stderr).toMatch(/^What to do: /m);
  });

  it("lists licenses with filters, a page at a time", async () => {
    const all = json<{ licenses: AdminLicense[] }>(await runCli(["licenses", "list", "--json"], server.env));
    expect(all.licenses.map((l) => l.id)).toEqual([licenseId]);
    const human = await runCli(["licenses", "list", "--status", "active", "--limit", "1"], server.env);
    expect(human.stdout).toContain(licenseId);
    expect(human.stdout).toContain(`More: add --after ${licenseId}`);
    const none = json<{ licenses: AdminLicense[] }>(
      await runCli(
        ["licenses", "list", "--status", "revoked", "--email", "x@example.com", "--json"],
        server.env,
      ),
    );
    expect(none.licenses).toEqual([]);
    const bad = await runCli(["licenses", "list", "--status", "asleep"], server.env);
    expect(bad.code).toBe(2);
  });

  it("suspends, reinstates, extends, reassigns, reveals, and shows it all in the timeline, oldest first", async () => {
    const suspended = await change(["suspend", licenseId, "--reason", "chargeback"]);
    expect(suspended.stdout).toContain(`License ${licenseId} is now suspended.`);
    expect(suspended.stdout).toMatch(/^Status reason\s+chargeback$/m);
    await change(["reinstate", licenseId, "--reason", "chargeback withdrawn"]);
    const extended = json<AdminLicense>(
      await change(["extend", licenseId, "--until", "2030-06-30", "--reason", "renewal", "--json"]),
    );
    expect(extended.expiresAt).toBe("2030-06-30T00:00:00.000Z");
    const perpetual = json<AdminLicense>(
      await change(["extend", licenseId, "--never", "--reason", "lifetime", "--json"]),
    );
    expect(perpetual.expiresAt).toBeUndefined();
    const owned = await change(["owner", licenseId, "--email", "buyer@example.com", "--reason", "bought it"]);
    expect(owned.stdout).toMatch(/^Owner\s+buyer@example\.com$/m);
    expect((await change(["key", licenseId])).stdout.trim()).toBe(demoKey);
    expect(json<{ key: string }>(await change(["key", licenseId, "--json"])).key).toBe(demoKey);

    const detail = json<LicenseDetail & { timeline: LicenseEvent[] }>(
      await runCli(["licenses", "show", licenseId, "--json"], server.env),
    );
    expect(detail.timeline.map((e) => [e.type, e.reason])).toEqual([
      ["license.created", undefined],
      ["device.activated", undefined],
      ["license.suspended", "chargeback"],
      ["license.reinstated", "chargeback withdrawn"],
      ["license.extended", "renewal"],
      ["license.extended", "lifetime"],
      ["license.reassigned", "bought it"],
    ]);
    const shown = await runCli(["licenses", "show", licenseId], server.env);
    expect(shown.stdout).toMatch(/^Timeline \(7\):$/m);
    expect(shown.stdout).toMatch(
      /license\.suspended\s+token:tok_\w+\s+chargeback\s+from=active to=suspended/,
    );
    expect(shown.stdout.indexOf("license.created")).toBeLessThan(shown.stdout.indexOf("license.reassigned"));
  });

  it("needs exactly one of --until and --never (exit 2), and a reason", async () => {
    const neither = await runCli(["licenses", "extend", licenseId, "--reason", "x"], server.env);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain("Error EXTEND_CHOICE");
    const both = await runCli(
      ["licenses", "extend", licenseId, "--never", "--until", "2030-01-01", "--reason", "x"],
      server.env,
    );
    expect(both.code).toBe(2);
    const noReason = await runCli(["licenses", "revoke", licenseId], server.env);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain(
      "Error USAGE_REQUIRED_OPTION: ninsho licenses revoke needs the option --reason <text>.",
    );
  });

  it("refuses a change the license's state does not allow (exit 3), then revokes for good", async () => {
    const reinstate = await runCli(["licenses", "reinstate", licenseId, "--reason", "x"], server.env);
    expect(reinstate.code).toBe(3);
    expect(reinstate.stderr).toContain("Error LICENSE_STATE_CONFLICT");
    const unconfirmed = await runCli(["licenses", "revoke", licenseId, "--reason", "fraud"], server.env);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain("Error CONFIRMATION_REQUIRED");
    const revoked = json<AdminLicense>(
      await change(["revoke", licenseId, "--reason", "fraud", "--yes", "--json"]),
    );
    expect(revoked.state).toBe("revoked");
  });
});

describe("ninsho devices deactivate", () => {
  it("frees the device's slot and records who and why", async () => {
    const run = await runCli(["devices", "deactivate", deviceId, "--reason", "old PC died"], server.env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Device ${deviceId} is deactivated`);
    const detail = json<LicenseDetail & { timeline: LicenseEvent[] }>(
      await runCli(["licenses", "show", licenseId, "--json"], server.env),
    );
    expect(detail.devices[0]?.deactivatedAt).toBeDefined();
    expect(detail.timeline.at(-1)).toMatchObject({ type: "device.deactivated", reason: "old PC died" });
    const again = await runCli(["devices", "deactivate", "dev_nope", "--reason", "x", "--json"], server.env);
    expect(again.code).toBe(3);
    expect(JSON.parse(again.stderr)).toMatchObject({ error: { code: "DEVICE_NOT_FOUND" } });
  });
});
