import type { SeatUsage } from "@ninsho/contract";
import { el, type PageLanguage } from "./dom.js";
import { fill, formatInstant } from "./format.js";
import type { ClientText } from "./text.js";

/**
 * A floating or workload license's seats as support reads them: who holds one now (and until when, from the
 * stored expiry: a crashed holder's seat shows when it frees), and the peak of concurrent seats per UTC day.
 * @example
 * section.append(...seatSection(usage, text, "ja"));
 */
export function seatSection(usage: SeatUsage, text: ClientText, language: PageLanguage): HTMLElement[] {
  const held =
    usage.held.length === 0
      ? el("p", {}, text.noSeats)
      : el(
          "ul",
          { class: "seats" },
          ...usage.held.map((s) =>
            el(
              "li",
              {},
              fill(text.seatSummary, {
                name: s.name,
                platform: s.platform,
                kind: text.seatKinds[s.kind],
                checkedOut: formatInstant(s.checkedOutAt, language),
                expires: formatInstant(s.expiresAt, language),
              }),
              s.overage && ` · ${text.seatOverage}`,
              el("code", {}, s.id),
            ),
          ),
        );
  const peaks = el(
    "table",
    { class: "peaks" },
    el("thead", {}, el("tr", {}, el("th", {}, text.peakDay), el("th", {}, text.peakCount))),
    el(
      "tbody",
      {},
      ...[...usage.days]
        .reverse()
        .map((d) => el("tr", {}, el("td", {}, d.day), el("td", {}, String(d.peak)))),
    ),
  );
  return [
    el("h3", {}, fill(text.seatsHeading, { held: String(usage.held.length), seats: String(usage.seats) })),
    held,
    el("h3", {}, text.peaksHeading),
    peaks,
  ];
}
