import { createHmac, randomInt } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  encodeConfirmationId,
  generateOfflineKeyPair,
  parseConfirmationId,
  toDigitGroups,
} from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { stateMacKey } from "../../src/client/storage/stateFile.js";
import { STATE_FILES } from "../../src/index.js";
import { clientFor, tempDir } from "../client/support/device.js";
import {
  installationIdOf,
  mutableMachine,
  offlineDevice,
  phoneActivation,
  phoneConfirmed,
} from "./support.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await server.dispose();
});

/** A device with an installation ID and the server's genuine confirmation for it, not yet typed in. */
async function withConfirmation(machineName = "phone-pc") {
  const { key, id } = await server.newLicense();
  const device = await offlineDevice(server, key, { machineName });
  const iid = await installationIdOf(device.client);
  const answer = await phoneActivation(server, iid);
  if (answer.status !== 201) throw new Error(JSON.stringify(answer.body));
  return { ...device, key, licenseId: id, iid, confirmationId: answer.body.confirmationId };
}

/** Replace one digit of a grouped code (0-based position among all digits), keeping the separators. */
const withDigit = (text: string, position: number, digit: string) => {
  let seen = -1;
  return text.replace(/\d/g, (d) => (++seen === position ? digit : d));
};

describe("phone activation: wrong input is named, forgeries are refused", () => {
  it("names the group with a typo, before anything else, and installs nothing", async () => {
    const { client, confirmationId } = await withConfirmation();
    // Group 7 (digits 36…41): change one digit.
    const at = 6 * 6 + 2;
    const original = confirmationId.replaceAll("-", "")[at] ?? "0";
    const typo = withDigit(confirmationId, at, original === "9" ? "0" : String(Number(original) + 1));
    const result = await client.confirm(typo);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe("CONFIRMATION_ID_MALFORMED");
    expect(result.problem.message).toContain("group 7 has a typo");
    expect(result.problem.details).toMatchObject({ kind: "checksum", groups: [7] });
    expect(result.status).toMatchObject({ state: "not_activated", valid: false });

    const short = await client.confirm(confirmationId.split("-").slice(0, 16).join("-"));
    expect(!short.ok && short.problem.code).toBe("CONFIRMATION_ID_MALFORMED");
    const letters = await client.confirm(confirmationId.replace(/^\d{6}/, "12A456"));
    expect(!letters.ok && letters.problem.message).toContain('group 1 contains "A"');
    expect((await client.status()).state).toBe("not_activated");
  });

  it("refuses a confirmation for another device, another license or another product's key", async () => {
    const { key, client } = await withConfirmation("first-pc");
    // Another machine on the same license gets its own, genuine confirmation…
    const other = await offlineDevice(server, key, { machineName: "second-pc" });
    const otherAnswer = await phoneActivation(server, await installationIdOf(other.client));
    expect(otherAnswer.status).toBe(201);
    // …which this machine refuses: it was issued for another installation ID.
    const foreign = await client.confirm(otherAnswer.body.confirmationId);
    expect(!foreign.ok && foreign.problem.code).toBe("CONFIRMATION_INVALID");
    expect(!foreign.ok && foreign.problem.details).toMatchObject({
      reason: "it was not issued for an installation ID this machine made",
    });
    // Another license altogether.
    const stranger = await withConfirmation("third-pc");
    const crossed = await client.confirm(stranger.confirmationId);
    expect(!crossed.ok && crossed.problem.code).toBe("CONFIRMATION_INVALID");
    expect((await client.status()).state).toBe("not_activated");
    // An app built with another product's offline key: the server's genuine confirmation does not verify.
    const published = (await (
      await fetch(`${server.url}/v1/products/${server.productId}/offline-key`)
    ).json()) as { productNumber: number };
    const misbuilt = await offlineDevice(server, (await server.newLicense()).key, {
      offline: { productNumber: published.productNumber, publicKey: generateOfflineKeyPair().publicKey },
    });
    const answer = await phoneActivation(server, await installationIdOf(misbuilt.client));
    expect(answer.status).toBe(201);
    const wrongKey = await misbuilt.client.confirm(answer.body.confirmationId);
    expect(!wrongKey.ok && wrongKey.problem.code).toBe("CONFIRMATION_INVALID");
  });

  it("refuses bit-flipped signatures, altered terms, and random confirmations", async () => {
    const { client, confirmationId } = await withConfirmation();
    const genuine = parseConfirmationId(confirmationId);
    if (!genuine.ok) throw new Error("the server's confirmation parses");
    const { terms, signature } = genuine.value;
    const forgeries = [
      ...[0, 1, 2, 7, 31, 64, 100, 128, 200, 252].map((bit) =>
        encodeConfirmationId(terms, signature ^ (1n << BigInt(bit))),
      ),
      encodeConfirmationId({ ...terms, leaseDays: terms.leaseDays + 30 }, signature),
      encodeConfirmationId({ ...terms, graceDays: terms.graceDays + 1 }, signature),
      encodeConfirmationId({ leaseDays: 4095, graceDays: terms.graceDays }, signature),
    ];
    for (let i = 0; i < 6; i++) {
      const digits = Array.from({ length: 84 }, () => String(randomInt(10))).join("");
      forgeries.push({ ...genuine.value, text: toDigitGroups(`1${digits}`).join("-") });
    }
    for (const forged of forgeries) {
      const result = await client.confirm(forged.text);
      expect(result.ok, forged.text).toBe(false);
      if (!result.ok)
        expect(["CONFIRMATION_INVALID", "CONFIRMATION_ID_MALFORMED"]).toContain(result.problem.code);
    }
    expect((await client.status()).state).toBe("not_activated");
    // The genuine one still installs.
    expect((await client.confirm(confirmationId)).ok).toBe(true);
  });

  it("refuses a confirmation typed after the machine changed; a new ID for the new machine confirms", async () => {
    const { key } = await server.newLicense();
    const machine = mutableMachine("changing-pc");
    const { client } = await offlineDevice(server, key, { fingerprint: machine.fingerprint });
    const iid = await installationIdOf(client);
    const answer = await phoneActivation(server, iid);
    machine.replace("disk");
    machine.replace("board");
    const refused = await client.confirm(answer.body.confirmationId);
    expect(!refused.ok && refused.problem.code).toBe("CONFIRMATION_INVALID");
    expect(!refused.ok && refused.problem.details).toMatchObject({
      reason: "this machine changed after its installation ID was made",
    });
    const fresh = await installationIdOf(client);
    expect(fresh).not.toBe(iid);
    const second = await phoneActivation(server, fresh);
    expect((await client.confirm(second.body.confirmationId)).ok).toBe(true);
  });

  it("needs a key, and an installation ID made on this machine", async () => {
    const { confirmationId } = await withConfirmation();
    const { key } = await server.newLicense();
    const bare = clientFor(server, tempDir(), { autoActivate: false });
    const noKey = await bare.installationId();
    expect(!noKey.ok && noKey.problem.code).toBe("KEY_NOT_INSTALLED");
    await bare.installKey(key);
    const never = await bare.confirm(confirmationId);
    expect(!never.ok && never.problem.details).toMatchObject({
      reason: "this machine has made no installation ID for its key yet",
    });
  });

  it("a device limit reached is the server's refusal: no confirmation, nothing to install", async () => {
    const policy = await server.admin("POST", "/v1/admin/policies", {
      productId: server.productId,
      name: `one device ${Math.random()}`,
      channel: "retail",
      maxDevices: 1,
    });
    const policyId = (policy.body as { id: string }).id;
    const issued = await server.admin("POST", "/v1/admin/licenses", { policyId, count: 1 });
    const key = (issued.body as { licenses: { key: string }[] }).licenses[0]?.key ?? "";
    const first = await offlineDevice(server, key, { machineName: "only-pc" });
    await phoneConfirmed(server, first.client);
    const second = await offlineDevice(server, key, { machineName: "one-too-many" });
    const refused = await phoneActivation(server, await installationIdOf(second.client));
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe("DEVICE_LIMIT_REACHED");
    expect((await second.client.status()).state).toBe("not_activated");
  });

  it("a phone confirmation edited in the state file, even with a valid MAC, is STATE_TAMPERED", async () => {
    const { client, dir } = await withConfirmation();
    const { confirmation } = await confirmOk(client);
    await client.close();
    const secret = Buffer.from(readFileSync(join(dir, STATE_FILES.secret), "utf8").trim(), "base64url");
    const outer = JSON.parse(readFileSync(join(dir, STATE_FILES.state), "utf8")) as { body: string };
    const body = JSON.parse(outer.body) as { offline: { phone: { confirmation: string } } };
    // Lengthen the lease by editing the terms, and sign the file again as someone who read the secret would.
    const parsed = parseConfirmationId(confirmation);
    if (!parsed.ok) throw new Error("parses");
    const longer = encodeConfirmationId({ ...parsed.value.terms, leaseDays: 4095 }, parsed.value.signature);
    body.offline.phone.confirmation = longer.text;
    const text = JSON.stringify(body);
    const mac = createHmac("sha256", stateMacKey(secret, server.productId)).update(text).digest("base64url");
    writeFileSync(
      join(dir, STATE_FILES.state),
      JSON.stringify({ format: "ninsho-device-state/1", body: text, mac }),
    );
    const restarted = clientFor(server, dir, { autoActivate: false });
    const s = await restarted.status();
    expect(s).toMatchObject({ state: "tampered", valid: false, code: "STATE_TAMPERED" });
    expect(s.problem?.details).toMatchObject({ reason: "its phone confirmation does not verify" });
  });
});

async function confirmOk(client: Awaited<ReturnType<typeof withConfirmation>>["client"]) {
  const made = await client.installationId();
  if (!made.ok) throw new Error(made.problem.code);
  const answer = await phoneActivation(server, made.installationId.text);
  const confirmed = await client.confirm(answer.body.confirmationId);
  if (!confirmed.ok) throw new Error(confirmed.problem.code);
  return { confirmation: answer.body.confirmationId };
}
