import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { startTestServer, type TestServer } from "../admin/support/harness.js";
import { activatedDevice } from "../device/support/device.js";
import { STACK_LINE, spawnIntoClosedReader, spawnPiped } from "./support.js";

let admin: TestServer;
let live: LiveServer;
beforeAll(async () => {
  [admin, live] = await Promise.all([startTestServer(), startLiveServer()]);
});
afterAll(async () => {
  await Promise.all([admin.close(), live.dispose()]);
});

describe("the built binary when the reader of its output goes away (EPIPE)", () => {
  it("`ninsho licenses show … | head -1`: exits 0 quietly, no stack trace", async () => {
    const key = admin.server.seeded?.demoKey ?? "";
    const whole = await spawnPiped(["licenses", "show", key], admin.env);
    expect(whole.code).toBe(0);
    expect(whole.stdout.split("\n").length).toBeGreaterThan(2); // more than one write to cut short

    const cut = await spawnIntoClosedReader(["licenses", "show", key], admin.env);
    expect(cut.stderr).toBe("");
    expect(cut.stderr).not.toMatch(STACK_LINE);
    expect(cut.signal).toBeNull();
    expect(cut.code).toBe(0);
  });

  it("`ninsho device status | head`: exits 0 quietly, no stack trace", async () => {
    const { device } = await activatedDevice(live, "piped-status");
    const cut = await spawnIntoClosedReader(["device", "status"], device.env);
    expect(cut.stderr).toBe("");
    expect(cut.code).toBe(0);
    const json = await spawnIntoClosedReader(["device", "status", "--json"], device.env);
    expect(json.stderr).toBe("");
    expect(json.code).toBe(0);
  });

  it("a usage error still ends with exit 2, its words on stderr, when stdout's reader is gone", async () => {
    const cut = await spawnIntoClosedReader(["licenses", "show", "a", "b"], admin.env);
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/^Error USAGE_EXCESS_ARGUMENTS: /);
  });
});
