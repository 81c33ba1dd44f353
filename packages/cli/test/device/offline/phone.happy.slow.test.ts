import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../../testing/liveServer.js";
import { json, testDevice } from "../support/device.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(() => server.dispose());

interface IidJson {
  installationId: { text: string; groups: string[]; digits: string; date: string };
  qr?: { url: string };
}

/** What the phone-activation page does with the digits a person read to it. */
async function phonePage(installationId: string) {
  const res = await fetch(`${server.url}/v1/offline/confirmations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ installationId }),
  });
  return { status: res.status, body: (await res.json()) as { confirmationId: string; groups: string[] } };
}

/** A device with a fresh license's key installed. */
async function keyedDevice(name: string, key?: string) {
  const device = testDevice(server, name);
  const installed = await device.run(["install-key", key ?? (await server.newLicense()).key]);
  if (installed.code !== 0) throw new Error(installed.stderr);
  return device;
}

describe("ninsho device installation-id and confirm: phone activation", () => {
  it("prints the ID grouped, takes the confirmation as typed, and the machine runs phone-confirmed", async () => {
    const device = await keyedDevice("phone-a");
    const shown = await device.spawn(["installation-id"]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^Installation ID of this machine \(made on \d{4}-\d\d-\d\d\):$/m);
    const text = shown.stdout.match(/^ {2}((\d{6}-){8}\d{6})$/m)?.[1] ?? "";
    expect(text).not.toBe("");
    expect(shown.stdout).toMatch(/^ +group 1 {2}\d{6} {3} +group 2 {2}\d{6} {3} +group 3 {2}\d{6}$/m);
    expect(shown.stdout).toContain("ninsho device confirm <confirmation ID>");
    // The same ID again, as JSON.
    const again = json<IidJson>(await device.run(["installation-id", "--json"]));
    expect(again.installationId.text).toBe(text);

    const answer = await phonePage(text);
    expect(answer.status).toBe(201);
    // Typed as seventeen separate groups, the way people copy them from a screen.
    const confirmed = await device.spawn(["confirm", ...answer.body.groups]);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(confirmed.stdout).toMatch(
      /^Confirmed by phone: this machine may run until \d{4}-\d\d-\d\d 00:00:00Z, then on grace until .+ \(\d+ days( \d+ hours?)? left\)\.$/m,
    );
    const status = json<{
      status: { state: string; valid: boolean; leaseKind: string; entitlements: string[] };
    }>(await device.run(["status", "--json"]));
    expect(status.status).toMatchObject({
      state: "active",
      valid: true,
      leaseKind: "phone-confirmed",
      entitlements: [],
    });
    const human = await device.run(["status"]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain("phone confirmation verified");
    expect(human.stdout).toMatch(/^Entitlements {9}none$/m);
    expect(human.stdout).not.toContain("License expires");
  });

  it("draws the QR code of the phone page's link with --qr", async () => {
    const device = await keyedDevice("phone-qr");
    const run = await device.spawn(["installation-id", "--qr"]);
    expect(run.code, run.stderr).toBe(0);
    const digits = (run.stdout.match(/^ {2}((\d{6}-){8}\d{6})$/m)?.[1] ?? "").replaceAll("-", "");
    expect(digits).toMatch(/^\d{54}$/);
    expect(run.stdout).toContain(
      `Or scan the code with a phone: it opens ${server.url}/activate/phone#iid=${digits}`,
    );
    expect(run.stdout).toMatch(/[▀▄█]{7}/);
    const asJson = json<IidJson>(
      await device.run(["installation-id", "--qr", "--json", "--base-url", "https://activate.example.com"]),
    );
    expect(asJson.qr?.url).toBe(`https://activate.example.com/activate/phone#iid=${digits}`);
  });

  it("names the group with a typo (exit 2) and refuses another machine's confirmation (exit 3)", async () => {
    const { key } = await server.newLicense();
    const device = await keyedDevice("phone-b", key);
    const other = await keyedDevice("phone-c", key);
    const mine = await phonePage(
      json<IidJson>(await device.run(["installation-id", "--json"])).installationId.text,
    );
    const groups = [...mine.body.groups];
    const fifth = groups[4] ?? "";
    groups[4] = `${fifth.slice(0, 2)}${fifth[2] === "9" ? "0" : String(Number(fifth[2]) + 1)}${fifth.slice(3)}`;
    const typo = await device.spawn(["confirm", groups.join("")]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(
      "Error CONFIRMATION_ID_MALFORMED: The confirmation ID is not valid: group 5 has a typo",
    );

    const theirs = await phonePage(
      json<IidJson>(await other.run(["installation-id", "--json"])).installationId.text,
    );
    const foreign = await device.run(["confirm", theirs.body.confirmationId]);
    expect(foreign.code).toBe(3);
    expect(foreign.stderr).toContain("Error CONFIRMATION_INVALID:");
    const status = json<{ status: { state: string } }>(await device.run(["status", "--json"]));
    expect(status.status.state).toBe("not_activated");
  });

  it("an air-gapped machine needs the product's offline key: told so, then works with --offline-key", async () => {
    const published = await (await fetch(`${server.url}/v1/products/${server.productId}/offline-key`)).text();
    const device = await keyedDevice("air-gapped");
    const nowhere = { NINSHO_URL: "http://127.0.0.1:9" };
    const refused = await device.run(["installation-id"], nowhere);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain("SERVER_UNREACHABLE");
    expect(refused.stderr).toContain("--offline-key");
    const shown = await device.run(["installation-id", "--json", "--offline-key", published], nowhere);
    expect(shown.code, shown.stderr).toBe(0);
    const answer = await phonePage(json<IidJson>(shown).installationId.text);
    const confirmed = await device.run(["confirm", answer.body.confirmationId], {
      ...nowhere,
      NINSHO_OFFLINE_KEY: published,
    });
    expect(confirmed.code, confirmed.stderr).toBe(0);
    const bad = await device.run(["installation-id", "--offline-key", '{"productNumber":1}'], nowhere);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("BAD_PUBLIC_KEY");
  });
});
