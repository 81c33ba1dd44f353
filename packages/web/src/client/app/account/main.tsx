import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { SpeechContext, speech, startLocale, useSpeech } from "../i18n.js";
import { type Account, currentAccount, SignInOrUp } from "../portal/Account.js";
import { Frame } from "../ui.js";
import { Device } from "./Device.js";
import { takeLinkToken } from "./linkToken.js";
import { Reset } from "./Reset.js";
import { Verify } from "./Verify.js";

/** The pages the server's mails and the CLI link to: confirm an email, reset a password, approve a device. */
function DevicePage() {
  const [account, setAccount] = useState<Account | undefined | "checking">("checking");
  const { locale, words } = useSpeech();
  useEffect(() => {
    void currentAccount(locale).then(setAccount);
  }, []);
  const initialCode = new URLSearchParams(window.location.search).get("code") ?? "";
  if (account === "checking") return <p role="status">{words.common.loading}</p>;
  if (account === undefined) return <SignInOrUp onSignedIn={setAccount} />;
  return <Device initialCode={initialCode} />;
}

// Read once, before any render: the token leaves the address bar at once.
const path = window.location.pathname;
const token = path === "/device" ? undefined : takeLinkToken();

function AccountApp() {
  const [locale, setLocale] = useState(startLocale);
  const spoken = speech(locale);
  return (
    <SpeechContext.Provider value={spoken}>
      <Frame area={spoken.words.nav.portalName} nav={[]} path={path} onLocale={setLocale}>
        {path === "/account/verify" ? (
          <Verify token={token} />
        ) : path === "/account/reset" ? (
          <Reset token={token} />
        ) : (
          <DevicePage />
        )}
      </Frame>
    </SpeechContext.Provider>
  );
}

const root = document.getElementById("app");
if (root) {
  root.textContent = "";
  render(<AccountApp />, root);
}
