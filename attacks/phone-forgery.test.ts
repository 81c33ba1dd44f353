/**
 * Capability: a user with the shipped app (which ships the product's public keys but not its offline key),
 * a local server or relay of their own, and a text editor on the state folder (the install secret that MACs
 * `state.json` sits beside it).
 * Attack: make the SDK trust an offline (confirmation-ID) key of the attacker's, then sign a confirmation ID
 * for the machine's installation ID granting a lease with no end: by answering the SDK's one fetch of the
 * offline key, or by writing that key and a forged phone confirmation into `state.json` with a valid MAC.
 * Expected: the SDK trusts an offline key only when the app ships it or the product's signing key certifies
 * it: the fetched key is refused (RESPONSE_SIGNATURE_INVALID), the edited file grants nothing, and an app
 * that ships neither the offline key nor the public keys refuses phone activation (OFFLINE_KEY_NOT_SHIPPED).
 */
import {
  generateOfflineKeyPair,
  issueConfirmationId,
  LEASE_DAYS_UNLIMITED,
  parseInstallationId,
} from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../testing/liveServer.js";
import {
  clientFor,
  readStateBody,
  removeFolders,
  startRelay,
  tempDir,
  writeStateBody,
} from "./support/deviceSide.js";

let server: LiveServer;
const closers: (() => Promise<void>)[] = [];
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  await server.dispose();
  removeFolders();
});

const attacker = generateOfflineKeyPair();

/** A confirmation ID with no end for `installationId`, signed with the attacker's offline key. */
function forgedConfirmation(installationId: string): string {
  const parsed = parseInstallationId(installationId);
  if (!parsed.ok) throw new Error("the installation ID parses");
  return issueConfirmationId(attacker.secretKey, parsed.value, {
    leaseDays: LEASE_DAYS_UNLIMITED,
    graceDays: 0,
  }).text;
}

describe("attack: a forged phone activation without the offline secret", () => {
  it("a relay answering the offline-key fetch with the attacker's key is refused: no installation ID, no rights", async () => {
    const relay = await startRelay(server.url, {
      answer: (path, body) =>
        path.endsWith("/offline-key") ? { ...body, publicKey: attacker.publicKey } : body,
    });
    closers.push(relay.close);
    const client = clientFor({ ...server, url: relay.url }, tempDir(), { autoActivate: false });
    expect((await client.installKey((await server.newLicense()).key)).ok).toBe(true);

    const made = await client.installationId();
    expect(made.ok).toBe(false);
    expect(!made.ok && made.problem.code).toBe("RESPONSE_SIGNATURE_INVALID");
    // Whatever the attacker types now, nothing verifies against a key the SDK never took.
    const typed = made.ok ? forgedConfirmation(made.installationId.text) : "0".repeat(102);
    const confirmed = await client.confirm(typed);
    expect(confirmed.ok).toBe(false);
    expect((await client.status()).valid).toBe(false);
  });

  it("an offline key and a phone confirmation written into state.json with a valid MAC grant nothing", async () => {
    const dir = tempDir();
    const client = clientFor(server, dir, { autoActivate: false });
    expect((await client.installKey((await server.newLicense()).key)).ok).toBe(true);
    const made = await client.installationId();
    if (!made.ok) throw new Error(`installationId: ${made.problem.code}`);
    await client.close();

    const body = readStateBody(dir) as {
      offline: { key: Record<string, unknown>; phone?: Record<string, unknown> };
    };
    const phone = {
      installation: made.installationId.text,
      confirmation: forgedConfirmation(made.installationId.text),
      confirmedAt: Date.now(),
    };
    // With the certificate kept (it names the genuine key) and without it (an older SDK's unsigned pin).
    for (const keep of [true, false]) {
      const { certificate, ...pinned } = body.offline.key;
      body.offline.key = { ...pinned, publicKey: attacker.publicKey, ...(keep ? { certificate } : {}) };
      body.offline.phone = phone;
      writeStateBody(dir, server.productId, body);
      const restarted = clientFor(server, dir, { autoActivate: false });
      const s = await restarted.validate({ online: "never" });
      expect(s.valid).toBe(false);
      expect(s.state).not.toBe("active");
      await restarted.close();
    }
  });

  it("an app shipping neither the offline key nor the public keys refuses phone activation with a clear code", async () => {
    const client = clientFor(server, tempDir(), { autoActivate: false, shipsPublicKeys: false });
    expect((await client.installKey((await server.newLicense()).key)).ok).toBe(true);
    const made = await client.installationId();
    expect(made.ok).toBe(false);
    expect(!made.ok && made.problem.code).toBe("OFFLINE_KEY_NOT_SHIPPED");
    expect(!made.ok && made.problem.remedy).toContain("offline option");
  });
});
