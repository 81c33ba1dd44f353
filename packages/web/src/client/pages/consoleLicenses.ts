/** /console/licenses: the support desk's lookup by key or email, to a license, its devices and its timeline. */
import {
  LicenseDetailSchema,
  LicenseListSchema,
  readAs,
  type Schema,
  SeatUsageSchema,
  TimelineSchema,
} from "@ninsho/contract";
import { type ApiAnswer, callApi } from "../api.js";
import { byId, followBrowserLanguage, pageLanguage, readText, reveal } from "../dom.js";
import { renderLicense, renderLicenseList } from "../license.js";
import { renderRefusal } from "../refusal.js";
import { setupSession } from "../session.js";

followBrowserLanguage();
const text = readText();
const language = pageLanguage();
const form = byId("lookup", HTMLFormElement);
const query = byId("query", HTMLInputElement);
const results = byId("results", HTMLElement);
const detail = byId("license", HTMLElement);

const session = setupSession(text, language, "readonly", () => query.focus());
const get = (path: string) => {
  const token = session.token();
  return callApi("GET", path, { language, ...(token === undefined ? {} : { token }) });
};

/** Show a refusal where the answer would have gone; a refused token sends the agent back to sign in. */
function refused(section: HTMLElement, answer: Exclude<ApiAnswer, { kind: "ok" }>): void {
  if (answer.kind === "problem" && answer.status === 401) {
    session.signOut(text.tokenRefused);
    return;
  }
  renderRefusal(section, answer, text, language, () => {});
  reveal(section);
}

/**
 * The answer's body when it matches the route's schema in the contract; otherwise the refusal (or
 * RESPONSE_INVALID for an answer that is not the API's) is shown in `section` instead.
 */
function bodyOf<T>(section: HTMLElement, answer: ApiAnswer, schema: Schema<T>): T | undefined {
  const body = answer.kind === "ok" ? readAs(schema, answer.body) : undefined;
  if (body !== undefined) return body;
  refused(section, answer.kind === "ok" ? { kind: "unexpected", status: answer.status } : answer);
  return undefined;
}

async function open(id: string): Promise<void> {
  const path = `/v1/admin/licenses/${encodeURIComponent(id)}`;
  const license = bodyOf(detail, await get(path), LicenseDetailSchema);
  if (!license) return;
  const timeline = bodyOf(detail, await get(`${path}/timeline?limit=200`), TimelineSchema);
  // Seats of a floating or workload license; a device license answers a pool of 0 and shows its devices.
  const seats = await get(`${path}/seats?days=14`);
  const usage = seats.kind === "ok" ? readAs(SeatUsageSchema, seats.body) : undefined;
  renderLicense(detail, license, timeline?.events ?? [], text, language, usage);
  reveal(detail);
}

async function lookUp(q: string): Promise<void> {
  if (q.includes("@")) {
    const found = bodyOf(
      results,
      await get(`/v1/admin/licenses?email=${encodeURIComponent(q)}`),
      LicenseListSchema,
    );
    if (!found) return;
    renderLicenseList(results, found.licenses, text, (id) => void open(id));
    reveal(results);
    return;
  }
  // A product key as read out: the server's key parser forgives case, spaces and dashes.
  // In the body, never the URL: URLs end up in proxy logs and the browser's history.
  const token = session.token();
  const answer = await callApi("POST", "/v1/admin/licenses/lookup", {
    language,
    body: { key: q },
    ...(token === undefined ? {} : { token }),
  });
  const license = bodyOf(results, answer, LicenseDetailSchema);
  if (license) await open(license.id);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const q = query.value.trim();
  if (q === "") return;
  detail.hidden = true;
  results.hidden = true;
  void lookUp(q);
});
