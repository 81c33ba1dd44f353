import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { licenseFileFor, mutableMachine, offlineDevice } from "./support.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await server.dispose();
});

describe("USB activation: request file out, license file in", () => {
  it("refuses a license file when the machine changed after its request; needs a request first", async () => {
    const { key } = await server.newLicense();
    const machine = mutableMachine("usb-changing");
    const { client } = await offlineDevice(server, key, { fingerprint: machine.fingerprint });
    const none = await client.installLicenseFile("a.b.c");
    expect(!none.ok && none.problem.message).toContain("no request file");
    const written = await client.offlineRequest();
    if (!written.ok) throw new Error(written.problem.code);
    const answer = await licenseFileFor(server, written.requestFile.contents);
    machine.replace("board");
    machine.replace("disk");
    const refused = await client.installLicenseFile(answer.body.licenseFile);
    expect(!refused.ok && refused.problem.message).toContain("this machine changed after its request file");
  });
});
