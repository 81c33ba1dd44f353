import { type QRCodeSegment, toString as renderQr } from "qrcode";
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
  /** For a terminal: two rows of modules per line (half blocks), black on white, with its quiet zone. */
  readonly terminal: string;
  /** A standalone SVG document. */
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
  const parts: QRCodeSegment[] = [
    { data: Buffer.from(segments[0].data, "utf8"), mode: "byte" },
    { data: segments[1].data, mode: "numeric" },
  ];
  const [terminal, svg] = await Promise.all([
    renderQr(parts, { type: "terminal", small: true, errorCorrectionLevel: "M" }),
    renderQr(parts, { type: "svg", errorCorrectionLevel: "M", margin: 4 }),
  ]);
  return { url, segments, terminal, svg, installationId: iid };
}
