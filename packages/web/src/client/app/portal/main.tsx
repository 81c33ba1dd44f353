import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { callApi } from "../../api.js";
import { SpeechContext, speech, startLocale } from "../i18n.js";
import { usePath } from "../router.js";
import { Frame } from "../ui.js";
import { type Account, currentAccount, SignInOrUp } from "./Account.js";
import { MyLicenses } from "./Licenses.js";

function PortalApp() {
  const [locale, setLocale] = useState(startLocale);
  const [account, setAccount] = useState<Account | undefined | "checking">("checking");
  const path = usePath();
  const spoken = speech(locale);
  useEffect(() => {
    void currentAccount(locale).then(setAccount);
  }, []);
  const w = spoken.words.portal;
  const signOut = async () => {
    await callApi("DELETE", "/v1/sessions/current", { language: locale, session: true });
    setAccount(undefined);
  };
  const line =
    account !== undefined && account !== "checking" ? (
      <div class="session">
        <p>{account.email}</p>
        <button type="button" class="secondary" onClick={() => void signOut()}>
          {w.signOut}
        </button>
      </div>
    ) : undefined;
  return (
    <SpeechContext.Provider value={spoken}>
      <Frame area={spoken.words.nav.portalName} nav={[]} path={path} onLocale={setLocale} session={line}>
        {account === "checking" ? (
          <p role="status">{spoken.words.common.loading}</p>
        ) : account === undefined ? (
          <SignInOrUp onSignedIn={setAccount} />
        ) : (
          <>
            <h1>{w.title}</h1>
            <MyLicenses />
          </>
        )}
      </Frame>
    </SpeechContext.Provider>
  );
}

const root = document.getElementById("app");
if (root) {
  root.textContent = "";
  render(<PortalApp />, root);
}
