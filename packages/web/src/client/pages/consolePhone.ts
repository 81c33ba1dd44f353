/** /console/phone: support staff do the phone flow for a caller through the support route, with a reason. */
import { byId, followBrowserLanguage, pageLanguage, readText } from "../dom.js";
import { setupPhoneFlow } from "../phoneFlow.js";
import { setupSession } from "../session.js";

followBrowserLanguage();
const text = readText();
const language = pageLanguage();
const reason = byId("reason", HTMLTextAreaElement);
const deviceName = byId("device-name", HTMLInputElement);
let started = false;
const session = setupSession(text, language, "support", () => {
  if (started) return; // signing in again after a refused token must not wire the form twice
  started = true;
  setupPhoneFlow({
    endpoint: "/v1/admin/offline/confirmations",
    reader: "agent",
    text,
    language,
    extra: () => ({ reason: reason.value, deviceName: deviceName.value }),
    token: () => session.token(),
    onUnauthorized: () => session.signOut(text.tokenRefused),
  });
});
