/**
 * The self-service hardware change from the app, against a real server: the motherboard is replaced, the owner
 * proves the license is theirs with a code mailed to them, the license moves, and the old machine is told it was
 * replaced (signed). And activating with a signed-in account's license without typing its key.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { clientFor, tempDir } from "./support/device.js";

describe("transfer and account activation from the SDK", () => {
  let server: LiveServer;
  beforeAll(async () => {
    server = await startLiveServer();
  });
  afterAll(() => server.dispose());

  it("motherboard replaced: options, a mailed code, the move; the old machine is refused with DEVICE_REPLACED", async () => {
    const owner = "aiko@example.jp";
    const license = await server.newLicense(undefined, owner);
    const old = clientFor(server, tempDir(), { machineName: "old-board" });
    await old.installKey(license.key);
    expect((await old.activate()).ok).toBe(true);
    const oldId = (await old.status()).deviceId ?? "";

    const fresh = clientFor(server, tempDir(), { machineName: "new-board" });
    await fresh.installKey(license.key);
    const shown = await fresh.transferOptions();
    expect(shown.ok && shown.options).toMatchObject({
      licenseId: license.id,
      owner: "email",
      devices: [{ id: oldId }],
      transfers: { allowed: true, left: 3 },
    });
    const keyOnly = await fresh.transfer(oldId);
    expect(!keyOnly.ok && keyOnly.problem.code).toBe("TRANSFER_PROOF_REQUIRED");
    const sent = await fresh.requestTransferCode();
    expect(sent.ok && sent.to).toBe("a•••@example.jp");
    const moved = await fresh.transfer(oldId, { code: await server.transferCodeFor(owner) });
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    expect(moved.transfersLeft).toBe(2);
    expect(moved.status).toMatchObject({ state: "active", valid: true, licenseId: license.id });
    expect(moved.status.lastDecision).toMatchObject({ by: "transfer", match: { fromDeviceId: oldId } });

    const left = await old.validate({ online: "force" });
    expect(left).toMatchObject({ state: "deactivated", valid: false, code: "DEVICE_REPLACED" });
    expect(left.message).toContain("code mailed to the license's owner");
  });

  it("activates with a signed-in account's license: shows a code, waits for the owner's approval, activates", async () => {
    const owner = "kenji@example.jp";
    const license = await server.newLicense(undefined, owner);
    const cookie = await server.signedIn(owner);
    const client = clientFor(server, tempDir(), { machineName: "account-pc" });
    const shown: string[] = [];
    const approve = async () => {
      const userCode = shown[0];
      if (userCode === undefined) throw new Error("no code shown yet");
      const res = await fetch(`${server.url}/v1/me/device-codes/approve`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url, cookie },
        body: JSON.stringify({ userCode, licenseId: license.id }),
      });
      expect(res.status).toBe(200);
    };
    let polls = 0;
    const result = await client.activateWithAccount({
      onCode: (prompt) => {
        shown.push(prompt.userCode);
        expect(prompt.verificationUri).toMatch(/\/device$/);
      },
      // The owner approves while the app waits for its second poll.
      sleep: async () => {
        polls += 1;
        if (polls === 2) await approve();
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.licenseId).toBe(license.id);
    expect(result.status).toMatchObject({ state: "active", valid: true, licenseId: license.id });
    expect(polls).toBe(2);
  });

  it("an activation by account that is never approved ends DEVICE_CODE_EXPIRED when cancelled", async () => {
    const client = clientFor(server, tempDir(), { machineName: "cancelled" });
    const controller = new AbortController();
    const result = await client.activateWithAccount({
      onCode: () => controller.abort(),
      signal: controller.signal,
      sleep: async () => undefined,
    });
    expect(!result.ok && result.problem.code).toBe("DEVICE_CODE_EXPIRED");
  });
});
