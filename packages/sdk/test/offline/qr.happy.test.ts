import * as jsqr from "jsqr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { phonePageUrl } from "../../src/index.js";
import { offlineDevice } from "./support.js";

/** jsQR is CommonJS whose exports carry `default`: under NodeNext that is `default.default`. */
const jsQR = jsqr.default.default;

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await server.dispose();
});

/** The symbol as an RGBA image (quiet zone of four modules, `scale` pixels a module), as a camera would see it. */
function image(modules: readonly (readonly boolean[])[], scale = 4) {
  const side = (modules.length + 8) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  modules.forEach((cells, row) => {
    cells.forEach((dark, column) => {
      if (!dark) return;
      for (let y = 0; y < scale; y++) {
        for (let x = 0; x < scale; x++) {
          const at = (((row + 4) * scale + y) * side + (column + 4) * scale + x) * 4;
          pixels.fill(0, at, at + 3);
        }
      }
    });
  });
  return { pixels, side };
}

/** The SVG's dark squares back as modules: the drawing is the symbol, module for module. */
function svgModules(svg: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, x, y] of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    const row = grid[Number(y) - 4];
    if (row) row[Number(x) - 4] = true;
  }
  return grid;
}

const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/** The terminal drawing back as modules: two rows a line, quiet zone of two, ANSI colours around each line. */
function terminalModules(terminal: string, size: number): boolean[][] {
  const lines = terminal
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => [...line.replaceAll(ANSI_COLOUR, "")]);
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, column) => {
      const cell = lines[Math.floor((row + 2) / 2)]?.[column + 2];
      const upper = (row + 2) % 2 === 0;
      return cell === "█" || (upper ? cell === "▀" : cell === "▄");
    }),
  );
}

describe("the installation ID as a QR code of the phone page's link", () => {
  it("encodes <base>/activate/phone#iid=<54 digits>; a QR reader (jsQR) reads the link back", async () => {
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

    const size = qr.modules.length;
    expect(qr.modules.every((row) => row.length === size)).toBe(true);
    // Version 5 at the most (37 modules): a small code that a phone reads from a screen.
    expect(size).toBeLessThanOrEqual(37);
    const { pixels, side } = image(qr.modules);
    const read = jsQR(pixels, side, side);
    expect(read?.data).toBe(qr.url);
    // The reader saw the two segments: bytes, then numeric.
    expect(read?.chunks.map((chunk) => chunk.type)).toEqual(["byte", "numeric"]);

    // The SVG and the terminal drawing are that very symbol.
    expect(qr.svg.startsWith("<svg")).toBe(true);
    expect(qr.svg.trim().endsWith("</svg>")).toBe(true);
    expect(svgModules(qr.svg, size)).toEqual(qr.modules);
    expect(terminalModules(qr.terminal, size)).toEqual(qr.modules);
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
