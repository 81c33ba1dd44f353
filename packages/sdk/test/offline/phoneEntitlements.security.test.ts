/**
 * The user at the keyboard is read a confirmation for a license with export, and types it with the print bit
 * switched on (every group's check digit repaired, so no typo is flagged): the signature refuses it, nothing is
 * installed, and print stays off.
 */
import { encodeConfirmationId, parseConfirmationId } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { installationIdOf, offlineDevice, phoneActivation } from "./support.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
  await server.admin("PATCH", `/v1/admin/products/${server.productId}`, {
    phoneFeatures: ["export", "print"],
    reason: "features by phone",
  });
});
afterAll(async () => {
  await server.dispose();
});

describe("entitlements by phone, attacked", () => {
  it("a confirmation edited to add the print bit is CONFIRMATION_INVALID; the genuine one then grants export only", async () => {
    const { key } = await server.newLicense(await server.newPolicy({ entitlements: ["export"] }));
    const { client } = await offlineDevice(server, key);
    const answer = await phoneActivation(server, await installationIdOf(client));
    const genuine = parseConfirmationId(answer.body.confirmationId);
    if (!genuine.ok) throw new Error("the server's confirmation parses");
    const { terms, signature } = genuine.value;
    for (const forged of [
      encodeConfirmationId({ ...terms, features: terms.features | 0b10 }, signature),
      encodeConfirmationId({ ...terms, features: 0b10 }, signature),
      encodeConfirmationId({ ...terms, features: 2 ** 20 - 1 }, signature),
    ]) {
      const typed = await client.confirm(forged.text);
      expect(typed.ok).toBe(false);
      if (!typed.ok) expect(typed.problem.code).toBe("CONFIRMATION_INVALID");
      expect(await client.entitled("print")).toBe(false);
      expect((await client.status()).valid).toBe(false);
    }
    const confirmed = await client.confirm(answer.body.confirmationId);
    expect(confirmed.ok).toBe(true);
    expect(await client.entitled("export")).toBe(true);
    expect(await client.entitled("print")).toBe(false);
  });
});
