import { create, toString as renderQr } from "qrcode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { phonePageUrl } from "../../src/index.js";
import { offlineDevice } from "./support.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await server.dispose();
});

describe("the installation ID as a QR code of the phone page's link", () => {
  it("encodes <base>/activate/phone#iid=<54 digits>, for a terminal and as SVG", async () => {
    const { client } = await offlineDevice(server, (await server.newLicense()).key);
    const result = await client.installationIdQr({ baseUrl: "https://activate.example.com/" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { qr } = result;
    const digits = qr.installationId.digits;
    expect(digits).toMatch(/^\d{54}$/);
    expect(qr.url).toBe(`https://activate.example.com/activate/phone#iid=${digits}`);
    // What the code carries: the link's start as bytes, then the digits in numeric mode — together, the link.
    expect(qr.segments).toEqual([
      { data: "https://activate.example.com/activate/phone#iid=", mode: "byte" },
      { data: digits, mode: "numeric" },
    ]);
    const symbol = create(
      [
        { data: Buffer.from(qr.segments[0].data), mode: "byte" },
        { data: qr.segments[1].data, mode: "numeric" },
      ],
      { errorCorrectionLevel: "M" },
    );
    const decoded = symbol.segments
      .map((s) => (typeof s.data === "string" ? s.data : Buffer.from(s.data).toString("utf8")))
      .join("");
    expect(decoded).toBe(qr.url);
    expect(symbol.version).toBeLessThanOrEqual(5);

    // The SVG and the terminal drawing are that very symbol.
    expect(qr.svg.startsWith("<svg")).toBe(true);
    expect(qr.svg.trim().endsWith("</svg>")).toBe(true);
    const parts = [
      { data: Buffer.from(qr.segments[0].data), mode: "byte" as const },
      { data: digits, mode: "numeric" as const },
    ];
    expect(qr.svg).toBe(await renderQr(parts, { type: "svg", errorCorrectionLevel: "M", margin: 4 }));
    expect(qr.terminal).toBe(
      await renderQr(parts, { type: "terminal", small: true, errorCorrectionLevel: "M" }),
    );
    const rows = qr.terminal.split("\n").filter((line) => line.trim() !== "");
    expect(rows.length).toBeGreaterThan((symbol.modules.size + 1) / 2 - 1);
    expect(qr.terminal).toMatch(/[▀▄█]/);

    // The same ID the app shows as digits; the link defaults to the activation server.
    const shown = await client.installationId();
    expect(shown.ok && shown.installationId.text).toBe(qr.installationId.text);
    const byDefault = await client.installationIdQr();
    expect(byDefault.ok && byDefault.qr.url).toBe(phonePageUrl(server.url, digits));
    expect(phonePageUrl(`${server.url}///`, "1")).toBe(`${server.url}/activate/phone#iid=1`);
  });

  it("needs an installed key, like the installation ID", async () => {
    const { client } = await offlineDevice(server, (await server.newLicense()).key);
    await client.uninstallKey();
    const result = await client.installationIdQr();
    expect(!result.ok && result.problem.code).toBe("KEY_NOT_INSTALLED");
  });
});
