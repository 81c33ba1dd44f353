import type { AdminDevice, AdminLicense, LicenseDetail, LicenseEvent, SeatUsage } from "@ninsho/contract";
import { el, type PageLanguage } from "./dom.js";
import { fill, formatDay, formatInstant } from "./format.js";
import { seatSection } from "./seats.js";
import type { ClientText } from "./text.js";

const stateWord = (text: ClientText, state: string): string =>
  state === "active" || state === "suspended" || state === "revoked" || state === "expired"
    ? text.states[state]
    : state;

function facts(license: AdminLicense, text: ClientText, language: PageLanguage): HTMLDListElement {
  const day = (at: string | undefined) => (at === undefined ? text.never : formatDay(at, language));
  const rows: [string, string][] = [
    [text.fieldState, stateWord(text, license.state)],
    [text.fieldKeyHint, license.keyHint],
    [text.fieldOwner, license.ownerEmail ?? "—"],
    [text.fieldProduct, license.productId],
    [text.fieldPolicy, license.policyId],
    [text.fieldCreated, day(license.createdAt)],
    [text.fieldExpires, day(license.expiresAt)],
  ];
  return el(
    "dl",
    { class: "facts" },
    ...rows.flatMap(([term, value]) => [el("dt", {}, term), el("dd", {}, value)]),
  );
}

function deviceList(devices: readonly AdminDevice[], text: ClientText, language: PageLanguage): HTMLElement {
  if (devices.length === 0) return el("p", {}, text.noDevices);
  const items = devices.map((d) => {
    const summary = fill(text.deviceSummary, {
      name: d.name,
      platform: d.platform,
      activated: formatDay(d.activatedAt, language),
      seen: formatDay(d.lastSeenAt, language),
    });
    const gone = d.deactivatedAt;
    return el(
      "li",
      gone === undefined ? {} : { class: "gone" },
      summary,
      gone !== undefined && ` · ${fill(text.deactivatedAt, { date: formatDay(gone, language) })}`,
      el("code", {}, d.id),
    );
  });
  return el("ul", { class: "devices" }, ...items);
}

function timeline(events: readonly LicenseEvent[], text: ClientText, language: PageLanguage): HTMLElement {
  const items = events.map((e) =>
    el(
      "li",
      {},
      el("time", { datetime: e.createdAt }, formatInstant(e.createdAt, language)),
      el("strong", {}, e.type),
      el("span", {}, fill(text.byActor, { actor: e.actor })),
      e.reason !== undefined && e.reason !== "" && el("q", {}, e.reason),
    ),
  );
  return el("ol", { class: "timeline" }, ...items);
}

/**
 * A license as support reads it: its facts, its devices (deactivated ones too), its seats when it is a floating
 * or workload license, and its timeline.
 * @example
 * renderLicense(section, detail, events, text, "en");
 */
export function renderLicense(
  section: HTMLElement,
  license: LicenseDetail,
  events: readonly LicenseEvent[],
  text: ClientText,
  language: PageLanguage,
  seats?: SeatUsage,
): void {
  section.replaceChildren(
    el("h2", {}, fill(text.licenseHeading, { id: license.id })),
    facts(license, text, language),
    ...(seats === undefined || seats.seats === 0
      ? [el("h3", {}, text.devicesHeading), deviceList(license.devices, text, language)]
      : seatSection(seats, text, language)),
    el("h3", {}, text.timelineHeading),
    timeline(events, text, language),
  );
}

/** A list of licenses found by email, each with a button to open it. */
export function renderLicenseList(
  section: HTMLElement,
  found: readonly AdminLicense[],
  text: ClientText,
  open: (id: string) => void,
): void {
  if (found.length === 0) {
    section.replaceChildren(el("p", {}, text.lookupNone));
    return;
  }
  const items = found.map((license) => {
    const button = el("button", { type: "button", class: "secondary" }, text.open);
    button.addEventListener("click", () => open(license.id));
    const line = `${license.id} · ${stateWord(text, license.state)} · …${license.keyHint}`;
    return el("li", {}, el("span", {}, line), button);
  });
  section.replaceChildren(
    el("p", {}, fill(text.licensesFound, { count: found.length })),
    el("ul", { class: "found" }, ...items),
  );
}
