import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { componentSet, type DoctorJson, json, testDevice } from "./support/device.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(() => server.dispose());

/** The built binary (`npx tsc -b` first; the root test command builds before vitest). */
describe("the built `ninsho` binary, device side", () => {
  it("installs, activates, reports status and expiry, and the doctor passes (exit codes 2, 0, 0, 0)", async () => {
    const device = testDevice(server, "spawned");
    const license = await server.newLicense();
    const typo = await device.spawn(["install-key", license.key.replace(/^./, "A")]);
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe("");
    expect(typo.stderr).toMatch(/^Error KEY_MALFORMED: The product key is not valid: .*group 1/);

    expect((await device.spawn(["install-key", license.key])).code).toBe(0);
    const activated = await device.spawn(["activate", "--json"]);
    expect(activated.code).toBe(0);
    expect(json<{ decision: { outcome: string } }>(activated).decision.outcome).toBe("new_device");

    const status = await device.spawn(["status", "--json"]);
    expect(status.code).toBe(0);
    expect(json<{ status: { state: string } }>(status).status.state).toBe("active");
    const expiry = await device.spawn(["expiry"]);
    expect(expiry.stdout).toContain("The license itself never expires.");
    const doctor = await device.spawn(["doctor", "--json"]);
    expect(doctor.code).toBe(0);
    expect(json<DoctorJson>(doctor).healthy).toBe(true);
  });

  it("exits 8 from the doctor and 7 from status when the state cannot be trusted, in the user's language", async () => {
    const device = testDevice(server, "spawned-rollback");
    const license = await server.newLicense();
    await device.spawn(["install-key", license.key]);
    await device.spawn(["activate"]);
    const status = await device.spawn(["status"], { NINSHO_DEVICE_NOW: "-3d", LANG: "ja_JP.UTF-8" });
    expect(status.code).toBe(7);
    expect(status.stdout).toMatch(/^状態 +時計の巻き戻し — アプリを使用できません$/m);
    const doctor = await device.spawn(["doctor", "--offline"], { NINSHO_DEVICE_NOW: "-3d" });
    expect(doctor.code).toBe(8);
    expect(doctor.stdout).toMatch(/^Clock {18}FAIL {5}CLOCK_ROLLBACK: /m);
  });

  it("a spawned doctor compares the fingerprint it reads with the one activated", async () => {
    const device = testDevice(server, "spawned-drift");
    const license = await server.newLicense();
    await device.spawn(["install-key", license.key]);
    await device.spawn(["activate"]);
    device.setFingerprint(componentSet("spawned-drift", "test/1", { mac: "usb-dock" }));
    const doctor = await device.spawn(["doctor", "--offline"]);
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toMatch(
      /^Fingerprint {12}WARN {5}FINGERPRINT_DRIFT: 1 of 6 components changed since /m,
    );
    expect(doctor.stdout).toMatch(/^ {32}changed: mac$/m);
  });

  it("documents the device exit codes in every device command's help", async () => {
    const help = await testDevice(server).spawn(["doctor", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--offline");
    expect(help.stdout).toContain("8  doctor: at least one check failed (see its numbered remedies)");
    expect(help.stdout).toContain("7  the state folder was damaged or altered, or the clock was set back");
  });
});
