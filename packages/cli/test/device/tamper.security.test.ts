import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe as catalogue } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { activatedDevice, type DoctorJson, finding, json } from "./support/device.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(() => server.dispose());

interface StatusJson {
  status: { state: string; valid: boolean; code?: string; deviceId?: string };
}

const edit = (dir: string, file: string, change: (text: string) => string) =>
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), "utf8")));

/** A lease whose claims were changed (a later grace end), its signature kept: it no longer verifies. */
const stretchLease = (token: string) => {
  const [header, body, signature] = token.trim().split(".");
  const claims = JSON.parse(Buffer.from(body ?? "", "base64url").toString("utf8")) as { exp: number };
  claims.exp += 365 * 86_400;
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}\n`;
};

describe("tampered and damaged files, and a clock set back", () => {
  it("rejects an edited lease (exit 7, STATE_TAMPERED); the doctor says what to do; activate repairs it", async () => {
    const { device, deviceId } = await activatedDevice(server);
    edit(device.dir, "lease.jwt", stretchLease);
    const status = await device.run(["status", "--json"]);
    expect(status.code).toBe(7);
    expect(json<StatusJson>(status).status).toMatchObject({
      state: "tampered",
      valid: false,
      code: "STATE_TAMPERED",
    });

    const doctor = await device.run(["doctor"]);
    expect(doctor.code).toBe(8);
    const text = catalogue("STATE_TAMPERED", "en");
    expect(doctor.stdout).toMatch(
      /^Lease {18}FAIL {5}STATE_TAMPERED: The saved lease or state was altered and was rejected\. → 1$/m,
    );
    expect(doctor.stdout).toContain(`What to do:\n  1. STATE_TAMPERED: ${text.remedy}`);
    // Without a lease it can verify, the doctor does not go online: it never activates.
    const report = json<DoctorJson>(await device.run(["doctor", "--json"]));
    expect(report.online).toBe("no_lease");

    const repaired = await device.run(["activate", "--json"]);
    expect(repaired.code).toBe(0);
    const answer = json<{ decision: { outcome: string }; status: { deviceId: string } }>(repaired);
    expect(answer.decision.outcome).toBe("recognized");
    expect(answer.status.deviceId).toBe(deviceId);
    expect((await device.run(["status"])).code).toBe(0);
  });

  it("rejects an edited state file; the doctor's online check repairs it from the server", async () => {
    const { device } = await activatedDevice(server);
    edit(device.dir, "state.json", (text) => text.replace('\\"failures\\":0', '\\"failures\\":7'));
    const status = await device.run(["status", "--json"]);
    expect(status.code).toBe(7);
    expect(json<StatusJson>(status).status.code).toBe("STATE_TAMPERED");
    const offline = json<DoctorJson>(await device.run(["doctor", "--json", "--offline"]));
    expect(finding(offline, "lease")).toMatchObject({
      outcome: "fail",
      code: "STATE_TAMPERED",
      remedyNumber: 1,
    });
    // The key is kept apart from the rejected state file (product.key): still installed.
    expect(finding(offline, "key")).toMatchObject({ outcome: "ok" });
    expect(finding(offline, "key").message).toMatch(/^…\w{5}, well formed; /);

    const online = await device.run(["doctor", "--json"]);
    expect(online.code).toBe(0);
    expect(finding(json<DoctorJson>(online), "lease")).toMatchObject({
      outcome: "fixed",
      message: "STATE_TAMPERED found, and repaired from the server just now",
    });
    expect((await device.run(["status"])).code).toBe(0);
  });

  it("warns about a damaged state file while the lease holds, and repairs it", async () => {
    const { device } = await activatedDevice(server);
    const damage = () => edit(device.dir, "state.json", (text) => text.slice(0, 40));
    damage();
    const offline = json<DoctorJson>(await device.run(["doctor", "--json", "--offline"]));
    expect(offline.healthy).toBe(true);
    expect(finding(offline, "lease")).toMatchObject({
      outcome: "warn",
      code: "STATE_CORRUPT",
      remedyNumber: 1,
    });
    expect(offline.remedies[0]?.text).toBe(catalogue("STATE_CORRUPT", "en").remedy);
    // The damaged state file held the key, and so does product.key: nothing to install again.
    expect(finding(offline, "key")).toMatchObject({ outcome: "ok" });
    damage();
    const status = await device.run(["status", "--json"]);
    expect(status.code).toBe(0);
    expect(json<StatusJson>(status).status).toMatchObject({ state: "active", code: "STATE_CORRUPT" });
    damage();
    const online = json<DoctorJson>(await device.run(["doctor", "--json"]));
    expect(finding(online, "lease")).toMatchObject({ outcome: "fixed", details: { found: "STATE_CORRUPT" } });
  });

  it("detects a clock set back (exit 7); the doctor fails the clock check with the catalogue's remedy", async () => {
    const { device } = await activatedDevice(server);
    const status = await device.run(["status", "--json"], { NINSHO_DEVICE_NOW: "-3d" });
    expect(status.code).toBe(7);
    expect(json<StatusJson>(status).status).toMatchObject({
      state: "clock_rollback",
      code: "CLOCK_ROLLBACK",
    });
    const doctor = await device.run(["doctor"], { NINSHO_DEVICE_NOW: "-3d" });
    expect(doctor.code).toBe(8);
    expect(doctor.stdout).toMatch(
      /^Clock {18}FAIL {5}CLOCK_ROLLBACK: The system clock is earlier than a time this machine has already seen \(.*\)\. → 1$/m,
    );
    expect(doctor.stdout).toContain(`  1. CLOCK_ROLLBACK: ${catalogue("CLOCK_ROLLBACK", "en").remedy}`);
    // Set right again, the machine runs: nothing was lost.
    expect((await device.run(["status"])).code).toBe(0);
  });

  it("forgets a clock that once ran ahead when the server's signed time shows it right", async () => {
    const { device } = await activatedDevice(server);
    await device.run(["status"], { NINSHO_DEVICE_NOW: "+3d" });
    const now = await device.run(["status", "--json"]);
    expect(json<StatusJson>(now).status.state).toBe("clock_rollback");
    const doctor = json<DoctorJson>(await device.run(["doctor", "--json"]));
    expect(finding(doctor, "clock")).toMatchObject({ outcome: "fixed" });
    expect(json<StatusJson>(await device.run(["status", "--json"])).status.state).toBe("active");
  });
});
