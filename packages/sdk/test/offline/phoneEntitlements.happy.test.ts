/**
 * Entitlements survive a phone activation and a license file (issue 13 point 5): the product publishes its
 * phone feature list; a license with ["export"] activated by phone makes `entitled("export")` true offline and
 * `entitled("print")` false; so does a license file; a product without a list keeps the old 17 groups.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { clientFor, countingFetch } from "../client/support/device.js";
import {
  installationIdOf,
  licenseFileFor,
  offlineDevice,
  phoneActivation,
  phoneConfirmed,
} from "./support.js";

let server: LiveServer;
let exportPolicy: string;
beforeAll(async () => {
  server = await startLiveServer();
  const patched = await server.admin("PATCH", `/v1/admin/products/${server.productId}`, {
    phoneFeatures: ["export", "print"],
    reason: "features by phone",
  });
  if (patched.status !== 200) throw new Error(JSON.stringify(patched.body));
  exportPolicy = await server.newPolicy({ entitlements: ["export"] });
});
afterAll(async () => {
  await server.dispose();
});

/** `entitled` for each feature, as the app asks. */
const rights = async (client: { entitled(feature: string): Promise<boolean> }) => ({
  export: await client.entitled("export"),
  print: await client.entitled("print"),
});

describe("entitlements on offline activations", () => {
  it("phone: export is granted and print is not, also after a restart with the server gone", async () => {
    const { key } = await server.newLicense(exportPolicy);
    const { client, dir } = await offlineDevice(server, key);
    const { answer, confirmed } = await phoneConfirmed(server, client);
    expect(answer.groups).toHaveLength(18);
    expect(confirmed.confirmation).toMatchObject({ entitlements: ["export"], featuresWithheld: false });
    expect(confirmed.status).toMatchObject({ leaseKind: "phone-confirmed", entitlements: ["export"] });
    expect(await rights(client)).toEqual({ export: true, print: false });

    await server.stop();
    try {
      const offline = countingFetch();
      const restarted = clientFor(server, dir, { fetch: offline.fetch });
      expect(await rights(restarted)).toEqual({ export: true, print: false });
      expect((await restarted.status()).entitlements).toEqual(["export"]);
      expect(offline.calls()).toBe(0);
    } finally {
      await server.start();
    }
  });

  it("phone, with the offline key and list built into the app: nothing fetched; an older build's shorter list still reads export", async () => {
    const detail = await server.admin("GET", `/v1/admin/products/${server.productId}`);
    const offline = (
      detail.body as { offline: { productNumber: number; publicKey: string; phoneFeatures: string[] } }
    ).offline;
    expect(offline.phoneFeatures).toEqual(["export", "print"]);
    for (const phoneFeatures of [offline.phoneFeatures, ["export"]]) {
      const { key } = await server.newLicense(exportPolicy);
      const network = countingFetch();
      const { client } = await offlineDevice(server, key, {
        fetch: network.fetch,
        offline: { ...offline, phoneFeatures },
      });
      const answer = await phoneActivation(server, await installationIdOf(client));
      const confirmed = await client.confirm(answer.body.confirmationId);
      expect(confirmed.ok && confirmed.confirmation.entitlements).toEqual(["export"]);
      expect(await rights(client)).toEqual({ export: true, print: false });
      expect(network.calls()).toBe(0);
    }
  });

  it("license file: the lease it carries keeps export, and only export", async () => {
    const { key } = await server.newLicense(exportPolicy);
    const { client, dir } = await offlineDevice(server, key, { machineName: "usb-pc" });
    const written = await client.offlineRequest();
    if (!written.ok) throw new Error(written.problem.code);
    const answer = await licenseFileFor(server, written.requestFile.contents);
    expect(answer.status).toBe(201);
    const installed = await client.installLicenseFile(answer.body.licenseFile);
    expect(installed.ok).toBe(true);
    expect(await rights(client)).toEqual({ export: true, print: false });

    await server.stop();
    try {
      const restarted = clientFor(server, dir, { machineName: "usb-pc", fetch: countingFetch().fetch });
      expect(await rights(restarted)).toEqual({ export: true, print: false });
      expect((await restarted.status()).entitlements).toEqual(["export"]);
    } finally {
      await server.start();
    }
  });
});
