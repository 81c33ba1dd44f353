/** /activate/phone: an end user's phone activation, a Preact app like the console and the portal. */
import { render } from "preact";
import { useState } from "preact/hooks";
import { applyLocale, SpeechContext, speech, startLocale } from "../i18n.js";
import { Frame } from "../ui.js";
import { PhoneActivation } from "./PhoneActivation.js";

function PhoneApp() {
  const [locale, setLocale] = useState(startLocale);
  const spoken = speech(locale);
  return (
    <SpeechContext.Provider value={spoken}>
      <Frame area={spoken.words.phone.title} nav={[]} path={location.pathname} onLocale={setLocale}>
        <PhoneActivation />
      </Frame>
    </SpeechContext.Provider>
  );
}

// A request that named no language follows the browser's, and says so in the address, so a reload keeps it.
if (document.documentElement.dataset.langChosen === "false") applyLocale(startLocale());
const root = document.getElementById("app");
if (root) {
  root.textContent = "";
  render(<PhoneApp />, root);
}
