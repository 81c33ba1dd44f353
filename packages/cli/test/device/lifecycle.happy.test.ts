import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe as catalogue } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { activatedDevice, type DoctorJson, finding, json, testDevice } from "./support/device.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(() => server.dispose());

interface StatusJson {
  status: { state: string; valid: boolean; code?: string; deviceId?: string; keySource?: { kind: string } };
  verbose?: {
    keySource?: { kind: string; description: string };
    trust: { origin: string };
    machine: { collector: string };
  };
}

describe("a device's life: install a key, activate, status, expiry, deactivate, uninstall", () => {
  it("refuses a typo before any network call, naming its group, with exit 2", async () => {
    const device = testDevice(server);
    const license = await server.newLicense();
    const typo = `${license.key.slice(0, -1)}${license.key.endsWith("B") ? "C" : "B"}`;
    const run = await device.run(["install-key", typo], { NINSHO_URL: "http://127.0.0.1:9" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Error KEY_MALFORMED: The product key is not valid: group 5 has a typo");
    expect(run.stderr).toContain(`What to do: ${catalogue("KEY_MALFORMED", "en").remedy}`);
  });

  it("takes a key as people type it, activates (pinning the server's keys), and reports active", async () => {
    const device = testDevice(server);
    const license = await server.newLicense();
    const typed = license.key.toLowerCase().replaceAll("-", " ").replace("b", "Ｂ");
    const installed = await device.run(["install-key", typed]);
    expect(installed.code).toBe(0);
    expect(installed.stdout).toContain(`Installed the product key …${license.key.slice(-5)}.`);
    const activated = await device.run(["activate"]);
    expect(activated.code).toBe(0);
    expect(activated.stdout).toContain(
      `Trusting 1 public key of ${server.url} from now on (pinned on first use):`,
    );
    expect(activated.stdout).toMatch(/Activated: this machine is device dev_\w+ on license lic_\w+\./);
    const pinned = JSON.parse(readFileSync(join(device.dir, "trusted-keys.json"), "utf8")) as {
      origin: string;
    };
    expect(pinned.origin).toBe("server");
    const again = await device.run(["activate", "--json"]);
    expect(json<{ decision: { outcome: string } }>(again).decision.outcome).toBe("recognized");

    const status = await device.run(["status"]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^State {16}active — the app may run$/m);
    expect(status.stdout).toMatch(/^Channel {14}retail$/m);
    expect(status.stdout).toMatch(/^Lease until {10}\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ \(6 days 23 hours\)$/m);
    expect(status.stdout).toMatch(/^Grace until {10}.* \(20 days 23 hours\)$/m);
    expect(status.stdout).toMatch(/^Last server contact {2}\d{4}-/m);

    const expiry = await device.run(["expiry"]);
    expect(expiry.code).toBe(0);
    expect(expiry.stdout).toMatch(
      /^Activated\. The lease runs until .* \(6 days 23 hours\), then grace until /,
    );
    expect(expiry.stdout).toContain("The license itself never expires.");

    const doctor = await device.run(["doctor", "--json"]);
    expect(doctor.code).toBe(0);
    const report = json<DoctorJson>(doctor);
    expect(report.healthy).toBe(true);
    expect(report.checks.map((c) => [c.check, c.outcome])).toEqual([
      ["key", "ok"],
      ["server", "ok"],
      ["clock", "ok"],
      ["lease", "ok"],
      ["fingerprint", "ok"],
      ["devices", "ok"],
    ]);
    expect(report.remedies).toEqual([]);
    const human = await device.run(["doctor"]);
    expect(human.stdout).toContain("Nothing to do: every check passed.");
  });

  it("status --verbose says where the key came from, the trusted keys and the fingerprint by kind", async () => {
    const { device, deviceId } = await activatedDevice(server);
    const verbose = await device.run(["status", "--verbose"]);
    expect(verbose.code).toBe(0);
    expect(verbose.stdout).toMatch(/^Key from {13}typed in \(installKey\)$/m);
    expect(verbose.stdout).toMatch(
      new RegExp(`^Trusted keys {9}pinned on first use from ${server.url} at `, "m"),
    );
    expect(verbose.stdout).toMatch(/^Collector {12}test\/1$/m);
    expect(verbose.stdout).toMatch(/^Fingerprint {10}board {6}[0-9a-f]{16}…$/m);
    expect(verbose.stdout).toMatch(/^ {21}os-install {1}[0-9a-f]{16}…$/m);
    expect(verbose.stdout).toContain(`Device               ${deviceId}`);
    const parsed = json<StatusJson>(await device.run(["status", "--verbose", "--json"]));
    expect(parsed.verbose?.keySource).toEqual({ kind: "installed", description: "typed in (installKey)" });
    expect(parsed.verbose?.trust.origin).toBe("server");
  });

  it("finds a preinstalled key in NINSHO_PRODUCT_KEY or a key file, and says so", async () => {
    const fromEnv = testDevice(server);
    const license = await server.newLicense();
    const activated = await fromEnv.run(["activate"], { NINSHO_PRODUCT_KEY: license.key });
    expect(activated.code).toBe(0);
    const status = json<StatusJson>(await fromEnv.run(["status", "--verbose", "--json"]));
    expect(status.verbose?.keySource).toEqual({
      kind: "env",
      name: "NINSHO_PRODUCT_KEY",
      description: "environment variable NINSHO_PRODUCT_KEY",
    });

    const fromFile = testDevice(server);
    const keyFile = join(fromFile.dir, "..", `oem-${Date.now()}.key`);
    const other = await server.newLicense();
    writeFileSync(keyFile, `# preinstalled by the OEM\n${other.key}\n`);
    const viaFile = await fromFile.run(["status", "--verbose", "--key-file", keyFile]);
    expect(viaFile.code).toBe(6);
    expect(viaFile.stdout).toContain(`Key from             file ${keyFile}`);
    expect(viaFile.stdout).toMatch(/^State {16}not activated — the app may not run$/m);

    const typo = testDevice(server);
    // A different last symbol, whatever the key ends with (a key ending in 2 would otherwise be unchanged).
    const mistyped = `${other.key.slice(0, -1)}${other.key.endsWith("2") ? "3" : "2"}`;
    const doctor = json<DoctorJson>(
      await typo.run(["doctor", "--json", "--offline"], { NINSHO_PRODUCT_KEY: mistyped }),
    );
    const key = finding(doctor, "key");
    expect(key).toMatchObject({ outcome: "fail", code: "KEY_MALFORMED", remedyNumber: 1 });
    expect(key.message).toContain("(environment variable NINSHO_PRODUCT_KEY)");
  });

  it("deactivates (exit 0), then reports not activated (exit 6), and uninstalls the key", async () => {
    const { device, deviceId } = await activatedDevice(server);
    const deactivated = await device.run(["deactivate"]);
    expect(deactivated.code).toBe(0);
    expect(deactivated.stdout).toMatch(
      new RegExp(`^Deactivated ${deviceId} at .*: its slot on the license is free\\.`),
    );
    const status = await device.run(["status", "--json"]);
    expect(status.code).toBe(6);
    expect(json<StatusJson>(status).status).toMatchObject({
      state: "not_activated",
      valid: false,
      code: "NOT_ACTIVATED",
    });
    const again = await device.run(["deactivate"]);
    expect(again.code).toBe(6);
    expect(again.stderr).toContain("Error NOT_ACTIVATED: This machine is not activated yet.");
    const removed = await device.run(["uninstall-key"]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toBe("Removed the product key and the lease from this machine.\n");
    const none = await device.run(["status"]);
    expect(none.code).toBe(6);
    expect(none.stdout).toContain("KEY_NOT_INSTALLED");
  });

  it("uninstall-key on an activated machine says the server still counts it", async () => {
    const { device, deviceId } = await activatedDevice(server);
    const removed = await device.run(["uninstall-key", "--json"]);
    expect(json<{ slotKept?: string }>(removed).slotKept).toBe(deviceId);
  });

  it("speaks Japanese when LANG says so, with the catalogue's words", async () => {
    const { device } = await activatedDevice(server);
    const status = await device.run(["status"], { LANG: "ja_JP.UTF-8" });
    expect(status.stdout).toMatch(/^状態 +有効 — アプリを使用できます$/m);
    const none = testDevice(server);
    const doctor = await none.run(["doctor", "--offline"], { LANG: "ja_JP.UTF-8" });
    expect(doctor.code).toBe(8);
    expect(doctor.stdout).toContain("プロダクトキー");
    expect(doctor.stdout).toContain(`KEY_NOT_INSTALLED: ${catalogue("KEY_NOT_INSTALLED", "ja").message} → 1`);
    expect(doctor.stdout).toContain(
      `対処:\n  1. KEY_NOT_INSTALLED: ${catalogue("KEY_NOT_INSTALLED", "ja").remedy}`,
    );
  });

  it("needs a product: exit 2 with NO_PRODUCT", async () => {
    const run = await testDevice(server).run(["status"], { NINSHO_PRODUCT: "", NINSHO_DEVICE_DIR: "" });
    expect(run.code).toBe(2);
    const text = catalogue("NO_PRODUCT", "en");
    expect(run.stderr).toContain(`Error NO_PRODUCT: ${text.message}\nWhat to do: ${text.remedy}`);
    const ja = await testDevice(server).run(["status"], {
      NINSHO_PRODUCT: "",
      NINSHO_DEVICE_DIR: "",
      LANG: "ja",
    });
    expect(ja.stderr).toContain(`NO_PRODUCT: ${catalogue("NO_PRODUCT", "ja").message}`);
  });

  it("a bad server URL is BAD_URL and a bad test clock BAD_DEVICE_NOW, worded by the catalogue (exit 2)", async () => {
    const device = testDevice(server);
    const url = await device.run(["status", "--json"], { NINSHO_URL: "ftp://example.com" });
    expect(url.code).toBe(2);
    expect(JSON.parse(url.stderr)).toEqual({
      error: { code: "BAD_URL", ...catalogue("BAD_URL", "en", { url: "ftp://example.com" }) },
    });
    const now = await device.run(["status"], { NINSHO_DEVICE_NOW: "soon", LANG: "ja_JP.UTF-8" });
    expect(now.code).toBe(2);
    expect(now.stderr).toContain(
      `BAD_DEVICE_NOW: ${catalogue("BAD_DEVICE_NOW", "ja", { value: "soon" }).message}`,
    );
  });
});
