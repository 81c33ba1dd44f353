import { describe as catalogue } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { activatedDevice, type DoctorJson, finding, json, testDevice } from "./support/device.js";

const OWNER = "owner@example.jp";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(() => server.dispose());

describe("device limit and transfer allowance", () => {
  it("a full license: activate exits 3; the doctor lists the devices holding it and how to free a slot", async () => {
    const policy = await server.newPolicy({ maxDevices: 1, transfersPerYear: 1 });
    const first = await activatedDevice(server, "office-pc", policy, OWNER);
    const second = testDevice(server, "new-pc");
    await second.run(["install-key", first.license.key]);
    const refused = await second.run(["activate"]);
    expect(refused.code).toBe(3);
    const full = catalogue("DEVICE_LIMIT_REACHED", "en", { count: 1, max: 1 });
    expect(refused.stderr).toContain(`Error DEVICE_LIMIT_REACHED: ${full.message}`);

    const doctor = await second.run(["doctor"]);
    expect(doctor.code).toBe(8);
    expect(doctor.stdout).toMatch(
      /^Lease {18}FAIL {5}NOT_ACTIVATED: no lease: the last activation was refused \(DEVICE_LIMIT_REACHED, see below\)$/m,
    );
    expect(doctor.stdout).toMatch(/^Devices and transfers {2}FAIL {5}DEVICE_LIMIT_REACHED: .* → 1$/m);
    expect(doctor.stdout).toMatch(
      new RegExp(`^ {32}${first.deviceId} {2}.+ \\(\\w+\\), last seen \\d{4}-`, "m"),
    );
    expect(doctor.stdout).toContain(
      `  1. DEVICE_LIMIT_REACHED: ${full.remedy} On a machine listed above that you no longer use, run \`ninsho device deactivate\`; or move the license here: \`ninsho device transfer --replaces <device id>\` (a code is mailed to the owner).`,
    );

    // The key alone moves nothing: the owner gets a code by mail, and the move needs it.
    const keyOnly = await second.run(["transfer", "--replaces", first.deviceId, "--code", "00000000"]);
    expect(keyOnly.code).toBe(3);
    expect(keyOnly.stderr).toContain("Error TRANSFER_CODE_INVALID");
    const asked = await second.run(["transfer", "--replaces", first.deviceId]);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain("This license can move 1 more time in the last 365 days (allowance 1).");
    expect(asked.stdout).toContain("A code to prove the license is yours was mailed to o•••@example.jp");
    expect(asked.stdout).toContain(`ninsho device transfer --replaces ${first.deviceId} --code <code>`);
    const code = await server.transferCodeFor(OWNER);
    const moved = await second.run(["transfer", "--replaces", first.deviceId, "--code", code]);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toMatch(
      new RegExp(
        `^Moved the license from ${first.deviceId} to this machine \\(dev_\\w+\\); 0 transfers left`,
      ),
    );
    const healthy = json<DoctorJson>(await second.run(["doctor", "--json"]));
    expect(healthy.healthy).toBe(true);
    expect(finding(healthy, "devices").outcome).toBe("ok");

    // The old machine learns at its next online check that it was moved away.
    const old = await first.device.run(["doctor", "--json"]);
    expect(old.code).toBe(8);
    expect(finding(json<DoctorJson>(old), "devices")).toMatchObject({
      outcome: "fail",
      code: "DEVICE_REPLACED",
    });
    expect((await first.device.run(["status"])).code).toBe(6);

    // A third machine finds the allowance used up.
    const third = testDevice(server, "third-pc");
    await third.run(["install-key", first.license.key]);
    await third.run(["activate"]);
    const secondId = json<{ status: { deviceId: string } }>(await second.run(["status", "--json"])).status
      .deviceId;
    // Asking for a code shows the spent allowance; the move the code proves is refused, and support is asked.
    const noneLeft = await third.run(["transfer", "--replaces", secondId]);
    expect(noneLeft.stdout).toMatch(/^This license cannot move now .*the next move is possible from \d{4}-/m);
    const tooMany = await third.run(["transfer", secondId, "--code", await server.transferCodeFor(OWNER)]);
    expect(tooMany.code).toBe(3);
    expect(tooMany.stderr).toContain(
      "Error TRANSFER_ALLOWANCE_EXHAUSTED: This license cannot move to another machine now: it was moved 1 time in the last 365 days",
    );
    const report = json<DoctorJson>(await third.run(["doctor", "--json"]));
    expect(finding(report, "devices")).toMatchObject({
      outcome: "fail",
      code: "TRANSFER_ALLOWANCE_EXHAUSTED",
      remedyNumber: 1,
    });
    expect(report.remedies[0]?.text).toMatch(
      /^The next move is possible from \d{4}-.* Support request sup_\w+ was opened/,
    );
  });

  it("a policy without transfers: the doctor offers only deactivation; a transfer is refused", async () => {
    const policy = await server.newPolicy({ maxDevices: 1, transferable: false });
    const first = await activatedDevice(server, "kiosk-1", policy, OWNER);
    const second = testDevice(server, "kiosk-2");
    await second.run(["install-key", first.license.key]);
    await second.run(["activate"]);
    const report = json<DoctorJson>(await second.run(["doctor", "--json"]));
    expect(report.remedies[0]?.text).toContain("(this policy allows no transfers)");
    const refused = await second.run(["transfer", first.deviceId, "--json"]);
    expect(refused.code).toBe(3);
    expect(JSON.parse(refused.stderr)).toMatchObject({ error: { code: "TRANSFER_NOT_ALLOWED" } });
  });
});
