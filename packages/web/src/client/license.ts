import { isRecord } from "./api.js";
import { el, type PageLanguage } from "./dom.js";
import { fill, formatDay, formatInstant } from "./format.js";
import type { ClientText } from "./text.js";

/** A string field of an API record, or "" (the console shows what it gets and guesses nothing). */
const str = (record: Record<string, unknown>, name: string): string => {
  const value = record[name];
  return typeof value === "string" ? value : "";
};

const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter(isRecord) : [];

const stateWord = (text: ClientText, state: string): string =>
  state === "active" || state === "suspended" || state === "revoked" || state === "expired"
    ? text.states[state]
    : state;

function facts(license: Record<string, unknown>, text: ClientText, language: PageLanguage): HTMLDListElement {
  const day = (name: string) =>
    str(license, name) === "" ? text.never : formatDay(str(license, name), language);
  const rows: [string, string][] = [
    [text.fieldState, stateWord(text, str(license, "state"))],
    [text.fieldKeyHint, str(license, "keyHint")],
    [text.fieldOwner, str(license, "ownerEmail") || "—"],
    [text.fieldProduct, str(license, "productId")],
    [text.fieldPolicy, str(license, "policyId")],
    [text.fieldCreated, day("createdAt")],
    [text.fieldExpires, day("expiresAt")],
  ];
  return el(
    "dl",
    { class: "facts" },
    ...rows.flatMap(([term, value]) => [el("dt", {}, term), el("dd", {}, value)]),
  );
}

function deviceList(
  devices: Record<string, unknown>[],
  text: ClientText,
  language: PageLanguage,
): HTMLElement {
  if (devices.length === 0) return el("p", {}, text.noDevices);
  const items = devices.map((d) => {
    const summary = fill(text.deviceSummary, {
      name: str(d, "name"),
      platform: str(d, "platform"),
      activated: formatDay(str(d, "activatedAt"), language),
      seen: formatDay(str(d, "lastSeenAt"), language),
    });
    const gone = str(d, "deactivatedAt");
    return el(
      "li",
      gone === "" ? {} : { class: "gone" },
      summary,
      gone !== "" && ` · ${fill(text.deactivatedAt, { date: formatDay(gone, language) })}`,
      el("code", {}, str(d, "id")),
    );
  });
  return el("ul", { class: "devices" }, ...items);
}

function timeline(events: Record<string, unknown>[], text: ClientText, language: PageLanguage): HTMLElement {
  const items = events.map((e) => {
    const reason = str(e, "reason");
    return el(
      "li",
      {},
      el("time", { datetime: str(e, "createdAt") }, formatInstant(str(e, "createdAt"), language)),
      el("strong", {}, str(e, "type")),
      el("span", {}, fill(text.byActor, { actor: str(e, "actor") })),
      reason !== "" && el("q", {}, reason),
    );
  });
  return el("ol", { class: "timeline" }, ...items);
}

/**
 * A license as support reads it: its facts, its devices (deactivated ones too) and its timeline.
 * @example
 * renderLicense(section, detail, events, text, "en");
 */
export function renderLicense(
  section: HTMLElement,
  license: Record<string, unknown>,
  events: unknown,
  text: ClientText,
  language: PageLanguage,
): void {
  section.replaceChildren(
    el("h2", {}, fill(text.licenseHeading, { id: str(license, "id") })),
    facts(license, text, language),
    el("h3", {}, text.devicesHeading),
    deviceList(records(license.devices), text, language),
    el("h3", {}, text.timelineHeading),
    timeline(records(events), text, language),
  );
}

/** A list of licenses found by email, each with a button to open it. */
export function renderLicenseList(
  section: HTMLElement,
  licenses: unknown,
  text: ClientText,
  open: (id: string) => void,
): void {
  const found = records(licenses);
  if (found.length === 0) {
    section.replaceChildren(el("p", {}, text.lookupNone));
    return;
  }
  const items = found.map((license) => {
    const button = el("button", { type: "button", class: "secondary" }, text.open);
    button.addEventListener("click", () => open(str(license, "id")));
    const line = `${str(license, "id")} · ${stateWord(text, str(license, "state"))} · …${str(license, "keyHint")}`;
    return el("li", {}, el("span", {}, line), button);
  });
  section.replaceChildren(
    el("p", {}, fill(text.licensesFound, { count: found.length })),
    el("ul", { class: "found" }, ...items),
  );
}
