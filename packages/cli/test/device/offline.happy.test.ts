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
  status: {
    state: string;
    valid: boolean;
    code?: string;
    deviceId?: string;
    timeLeftMs?: number;
    connection: { state: string; failures: number };
  };
}

describe("offline: a restart without the server, an outage and its recovery, the lease into grace", () => {
  it("runs on its lease after a restart with the server down; the doctor names the outage, then its end", async () => {
    const { device, deviceId } = await activatedDevice(server);
    await server.stop();
    try {
      // Every CLI run is a fresh process start of the app: state comes from the folder alone.
      const status = await device.run(["status", "--json"]);
      expect(status.code).toBe(0);
      expect(json<StatusJson>(status).status).toMatchObject({ state: "active", valid: true, deviceId });

      const doctor = await device.run(["doctor"]);
      expect(doctor.code).toBe(8);
      const unreachable = catalogue("SERVER_UNREACHABLE", "en", { url: server.url });
      expect(doctor.stdout).toMatch(
        new RegExp(
          `^Server and TLS {9}FAIL {5}SERVER_UNREACHABLE: ${literal(unreachable.message)} → 1$`,
          "m",
        ),
      );
      expect(doctor.stdout).toMatch(/^Clock {18}skipped {2}not checked: the server cannot be reached$/m);
      expect(doctor.stdout).toMatch(/^Lease {18}ok {7}signature verified; lease until /m);
      expect(doctor.stdout).toContain(`What to do:\n  1. SERVER_UNREACHABLE: ${unreachable.remedy}\n`);
      const report = json<DoctorJson>(await device.run(["doctor", "--json"]));
      expect(report.online).toBe("unreachable");
      expect(report.remedies).toEqual([{ number: 1, code: "SERVER_UNREACHABLE", text: unreachable.remedy }]);

      const deactivate = await device.run(["deactivate"]);
      expect(deactivate.code).toBe(4);
      expect(deactivate.stderr).toContain("Error SERVER_UNREACHABLE");
      // A failed attempt never takes the app's rights away.
      const after = json<StatusJson>(await device.run(["status", "--json"]));
      expect(after.status).toMatchObject({ state: "active", valid: true, code: "SERVER_UNREACHABLE" });
      expect(after.status.connection).toMatchObject({ state: "unreachable", failures: 1 });
    } finally {
      await server.start();
    }
    const recovered = await device.run(["doctor", "--json"]);
    expect(recovered.code).toBe(0);
    const report = json<DoctorJson>(recovered);
    expect(report.online).toBe("done");
    expect(finding(report, "server").outcome).toBe("ok");
    expect(finding(report, "clock")).toMatchObject({ outcome: "ok", details: { signed: true } });
    const status = json<StatusJson>(await device.run(["status", "--json"]));
    expect(status.status).toMatchObject({ state: "active", connection: { state: "ok", failures: 0 } });
    expect(status.status.code).toBeUndefined();
  });

  it("runs into grace after the lease, then stops when grace ends; the doctor says which and what to do", async () => {
    const { device } = await activatedDevice(server);
    await server.stop();
    try {
      const grace = await device.run(["status", "--json"], { NINSHO_DEVICE_NOW: "+8d" });
      expect(grace.code).toBe(0);
      expect(json<StatusJson>(grace).status).toMatchObject({ state: "grace", valid: true });
      const expiry = await device.run(["expiry"], { NINSHO_DEVICE_NOW: "+8d" });
      expect(expiry.stdout).toMatch(
        /^On grace: the lease ended on .*; the app runs until .* \(12 days 23 hours left\)\.$/m,
      );

      const doctor = json<DoctorJson>(await device.run(["doctor", "--json"], { NINSHO_DEVICE_NOW: "+8d" }));
      expect(doctor.healthy).toBe(false); // the server is down
      expect(finding(doctor, "lease")).toMatchObject({
        outcome: "warn",
        code: "LEASE_GRACE",
        remedyNumber: 2,
      });
      expect(doctor.remedies.map((r) => r.code)).toEqual(["SERVER_UNREACHABLE", "LEASE_GRACE"]);

      const expired = await device.run(["status"], { NINSHO_DEVICE_NOW: "+22d" });
      expect(expired.code).toBe(6);
      expect(expired.stdout).toMatch(/^State {16}expired — the app may not run$/m);
      const ended = await device.run(["doctor", "--offline"], { NINSHO_DEVICE_NOW: "+22d" });
      expect(ended.code).toBe(8);
      const text = catalogue("LEASE_EXPIRED", "en");
      expect(ended.stdout).toMatch(
        /^Lease {18}FAIL {5}LEASE_EXPIRED: The lease and its grace period ended on .* → 1$/m,
      );
      expect(ended.stdout).toContain(`What to do:\n  1. LEASE_EXPIRED: ${text.remedy}`);
    } finally {
      await server.start();
    }
  });

  it("measures a clock running ahead against the server's signed time", async () => {
    const { device } = await activatedDevice(server);
    // The server signs with the real time: a device clock 6 days ahead is 6 days of skew.
    const report = json<DoctorJson>(await device.run(["doctor", "--json"], { NINSHO_DEVICE_NOW: "+6d" }));
    expect(finding(report, "clock")).toMatchObject({ outcome: "fail", code: "CLOCK_SKEW", remedyNumber: 1 });
    expect(finding(report, "clock").message).toMatch(
      /^The system clock is 6 days .*ahead of the server's signed time\.$/,
    );
    expect(finding(report, "clock").remedy).toMatch(
      /^Turn on automatic time; a clock running ahead makes the lease look older than it is, .*\.$/,
    );
    expect(finding(report, "lease").outcome).toBe("ok");
  });
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
