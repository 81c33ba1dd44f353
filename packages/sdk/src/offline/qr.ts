import qrcode from "qrcode-generator";
import type { InstallationIdView } from "./installationId.js";

/**
 * A QR code of the installation ID: a phone camera opens the phone-activation page with the ID filled in.
 *
 * @example
 * const result = await client.installationIdQr({ baseUrl: "https://activation.example.com" });
 * if (result.ok) { process.stdout.write(result.qr.terminal); writeFileSync("iid.svg", result.qr.svg); }
 */
export interface InstallationIdQr {
  /** `<baseUrl>/activate/phone#iid=<54 digits>`: the text the code encodes. */
  readonly url: string;
  /** How it is encoded: the link's start as bytes, the 54 digits in numeric mode (a smaller code). */
  readonly segments: readonly [
    { readonly data: string; readonly mode: "byte" },
    { readonly data: string; readonly mode: "numeric" },
  ];
  /**
   * The symbol itself: `modules[row][column]` is true for a dark module (quiet zone not included), for an app
   * that draws the code its own way.
   */
  readonly modules: readonly (readonly boolean[])[];
  /** For a terminal: two rows of modules per line (half blocks), black on white (ANSI colours), with a quiet zone. */
  readonly terminal: string;
  /** A standalone SVG document, with the standard quiet zone of four modules. */
  readonly svg: string;
  readonly installationId: InstallationIdView;
}

/**
 * Options of `installationIdQr()`.
 *
 * @example
 * await client.installationIdQr({ baseUrl: "https://activate.example.com" });
 */
export interface InstallationIdQrOptions {
  /** Where the phone-activation page is served (default: the client's `url`). */
  readonly baseUrl?: string;
}

/**
 * The phone page's link with an installation ID filled in. The ID travels in the fragment, which a browser
 * never sends: no proxy or server log records it.
 *
 * @example
 * phonePageUrl("https://activation.example.com/", "100051726359…"); // "https://activation.example.com/activate/phone#iid=100051726359…"
 */
export const phonePageUrl = (baseUrl: string, digits: string): string =>
  `${baseUrl.replace(/\/+$/, "")}/activate/phone#iid=${digits}`;

/** qrcode-generator writes each character of a byte segment as one byte: give it the UTF-8 bytes so. */
const utf8AsBytes = (text: string): string => Buffer.from(text, "utf8").toString("latin1");

const WHITE_ON = "\x1b[47m\x1b[30m";
const RESET = "\x1b[0m";
const TERMINAL_QUIET = 2;
const SVG_QUIET = 4;

/** Two module rows a line: █ both dark, ▀ the upper, ▄ the lower, a space neither. */
function terminalDrawing(modules: readonly (readonly boolean[])[]): string {
  const size = modules.length;
  const dark = (row: number, column: number) => modules[row]?.[column] === true;
  const lines: string[] = [];
  for (let row = -TERMINAL_QUIET; row < size + TERMINAL_QUIET; row += 2) {
    let line = "";
    for (let column = -TERMINAL_QUIET; column < size + TERMINAL_QUIET; column++) {
      const upper = dark(row, column);
      const lower = dark(row + 1, column);
      line += upper && lower ? "█" : upper ? "▀" : lower ? "▄" : " ";
    }
    lines.push(`${WHITE_ON}${line}${RESET}`);
  }
  return `${lines.join("\n")}\n`;
}

/** One path of unit squares on a white square, scaled by the viewer (crisp at any size). */
function svgDocument(modules: readonly (readonly boolean[])[]): string {
  const side = modules.length + 2 * SVG_QUIET;
  const squares = modules.flatMap((cells, row) =>
    cells.flatMap((isDark, column) => (isDark ? [`M${column + SVG_QUIET} ${row + SVG_QUIET}h1v1h-1z`] : [])),
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">`,
    `<rect width="${side}" height="${side}" fill="#fff"/>`,
    `<path fill="#000" d="${squares.join("")}"/>`,
    "</svg>",
    "",
  ].join("\n");
}

/**
 * Draw the QR code of an installation ID's phone-page link, for a terminal and as SVG (medium error
 * correction: a screen photographed at an angle still reads).
 *
 * @example
 * const qr = await installationIdQr("https://activation.example.com", view);
 * console.log(qr.terminal);
 */
export async function installationIdQr(baseUrl: string, iid: InstallationIdView): Promise<InstallationIdQr> {
  const url = phonePageUrl(baseUrl, iid.digits);
  const segments = [
    { data: url.slice(0, url.length - iid.digits.length), mode: "byte" },
    { data: iid.digits, mode: "numeric" },
  ] as const;
  const symbol = qrcode(0, "M");
  symbol.addData(utf8AsBytes(segments[0].data), "Byte");
  symbol.addData(segments[1].data, "Numeric");
  symbol.make();
  const size = symbol.getModuleCount();
  const modules = Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, column) => symbol.isDark(row, column)),
  );
  return {
    url,
    segments,
    modules,
    terminal: terminalDrawing(modules),
    svg: svgDocument(modules),
    installationId: iid,
  };
}
