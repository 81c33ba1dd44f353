import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe as catalogue } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { activatedDevice, componentSet, type DoctorJson, finding, json } from "./support/device.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(() => server.dispose());

interface StatusJson {
  status: { state: string; valid: boolean; code?: string; deviceId?: string };
}

describe("fingerprint drift since activation, and a collector upgrade without reactivation", () => {
  it("names the components that changed, the score and the threshold; still recognised is a warning", async () => {
    const { device } = await activatedDevice(server, "drift-a");
    device.setFingerprint(componentSet("drift-a", "test/1", { disk: "new-disk", mac: "new-dock" }));
    const doctor = await device.run(["doctor", "--offline"]);
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toMatch(
      /^Fingerprint {12}WARN {5}FINGERPRINT_DRIFT: 2 of 6 components changed since .*; the server still recognises this machine\. → 1$/m,
    );
    expect(doctor.stdout).toMatch(/^ {32}changed: disk, mac$/m);
    expect(doctor.stdout).toMatch(/^ {32}match score 0\.541 ≥ threshold 0\.45: still recognised$/m);

    // Online, the server takes the new parts as its baseline: no drift is left.
    const online = json<DoctorJson>(await device.run(["doctor", "--json"]));
    expect(finding(online, "fingerprint").outcome).toBe("warn");
    const after = json<DoctorJson>(await device.run(["doctor", "--json"]));
    expect(finding(after, "fingerprint")).toMatchObject({ outcome: "ok" });
    expect(finding(after, "fingerprint").message).toMatch(/^unchanged since .* \(collector test\/1\)$/);
  });

  it("says when two unit-level identifiers recognise a machine whose score is below the threshold", async () => {
    // A new board and disk, the NIC and the install id kept (a VM moved to another cluster).
    const { device } = await activatedDevice(server, "pair-a");
    device.setFingerprint(componentSet("pair-a", "test/1", { board: "new-board", disk: "new-disk" }));
    const offline = json<DoctorJson>(await device.run(["doctor", "--json", "--offline"]));
    expect(finding(offline, "fingerprint")).toMatchObject({
      outcome: "warn",
      code: "FINGERPRINT_DRIFT",
      lines: [
        "changed: board, disk",
        "match score 0.286 < threshold 0.45, 2 unit-level identifiers matched: still recognised",
      ],
    });
    const ja = json<DoctorJson>(await device.run(["doctor", "--json", "--offline"], { LANG: "ja_JP.UTF-8" }));
    expect(finding(ja, "fingerprint").lines?.[1]).toBe(
      "一致スコア 0.286 < しきい値 0.45、機体固有の識別子 2 個が一致: 同じマシンとして認識されます",
    );
  });

  it("without a record of the accepted components, a changed fingerprint is FINGERPRINT_DRIFT_UNEXPLAINED", async () => {
    const { device } = await activatedDevice(server, "unexplained-a");
    // A damaged state file loses the record of the set the server accepted; the lease's digest remains.
    writeFileSync(join(device.dir, "state.json"), '{"format":"ninsho-device-state/1","bo');
    device.setFingerprint(componentSet("unexplained-a", "test/1", { mac: "new-dock" }));
    const offline = json<DoctorJson>(await device.run(["doctor", "--json", "--offline"]));
    expect(finding(offline, "fingerprint")).toMatchObject({
      outcome: "warn",
      code: "FINGERPRINT_DRIFT_UNEXPLAINED",
      ...catalogue("FINGERPRINT_DRIFT_UNEXPLAINED", "en"),
    });
  });

  it("fails when too much changed; online, the server's signed verdict says the same (exit 6 after)", async () => {
    const { device } = await activatedDevice(server, "mismatch-a");
    // Another machine that received this one's disk image: the install id alone is kept (one unit-level id).
    device.setFingerprint(
      componentSet("mismatch-a", "test/1", { board: "new-board", disk: "new-disk", mac: "new-mac" }),
    );
    const offline = json<DoctorJson>(await device.run(["doctor", "--json", "--offline"]));
    expect(finding(offline, "fingerprint")).toMatchObject({
      outcome: "fail",
      code: "FINGERPRINT_MISMATCH",
      remedyNumber: 1,
      lines: ["changed: board, disk, mac", "match score 0.184 < threshold 0.45: not recognised"],
    });
    expect(offline.remedies[0]?.text).toBe(
      "Activate this machine with the product key; if its hardware was replaced, transfer the license to it.",
    );

    const online = await device.run(["doctor"]);
    expect(online.code).toBe(8);
    expect(online.stdout).toMatch(
      /^Fingerprint {12}FAIL {5}FINGERPRINT_MISMATCH: This lease belongs to another machine/m,
    );
    expect(online.stdout).toMatch(/^ {32}changed: board, disk, mac$/m);
    const status = await device.run(["status", "--json"]);
    expect(status.code).toBe(6);
    expect(json<StatusJson>(status).status).toMatchObject({
      state: "mismatch",
      code: "FINGERPRINT_MISMATCH",
    });
  });

  it("keeps its activation through a collector upgrade that sends the previous set (no reactivation)", async () => {
    const { device, deviceId } = await activatedDevice(server, "upgrade-a");
    const previous = componentSet("upgrade-a", "test/1");
    // The new collector reads every part differently (new digests), and sends its predecessor's set too.
    device.setFingerprint({ ...componentSet("upgrade-a", "test/2"), previous: [previous] });
    const offline = json<DoctorJson>(await device.run(["doctor", "--json", "--offline"]));
    expect(finding(offline, "fingerprint")).toMatchObject({
      outcome: "ok",
      message:
        "recognised through the previous collector's set (test/1); the server moves to test/2 at the next refresh, with no reactivation",
    });

    const online = json<DoctorJson>(await device.run(["doctor", "--json"]));
    expect(online.healthy).toBe(true);
    const status = json<StatusJson>(await device.run(["status", "--json"]));
    expect(status.status).toMatchObject({ state: "active", deviceId });
    // The server moved to the new set: without the old one, the machine is still the same device.
    device.setFingerprint(componentSet("upgrade-a", "test/2"));
    const later = json<DoctorJson>(await device.run(["doctor", "--json"]));
    expect(finding(later, "fingerprint").message).toMatch(/^unchanged since .* \(collector test\/2\)$/);
    expect(json<StatusJson>(await device.run(["status", "--json"])).status).toMatchObject({
      state: "active",
      deviceId,
    });
    const verbose = await device.run(["status", "--verbose"]);
    expect(verbose.stdout).toMatch(/^Collector {12}test\/2$/m);
  });
});
