import { render } from "preact";
import { useState } from "preact/hooks";
import { SpeechContext, speech, startLocale, useSpeech } from "../i18n.js";
import { usePath } from "../router.js";
import { Frame } from "../ui.js";
import { AuditPage } from "./Audit.js";
import { Dashboard } from "./Dashboard.js";
import { KeysPage } from "./Keys.js";
import { LicensePage } from "./License.js";
import { PhonePage } from "./Phone.js";
import { ProductsPage } from "./Products.js";
import { SearchPage } from "./Search.js";
import { SessionContext, useAdminSession } from "./session.js";
import { TokensPage } from "./Tokens.js";
import { WebhooksPage } from "./Webhooks.js";
import { WhyPage } from "./Why.js";

/** The page for a path of the console (`/console/licenses/lic_…` carries the license's id). */
function Page({ path }: { readonly path: string }) {
  const license = /^\/console\/licenses\/([A-Za-z0-9_]+)$/.exec(path)?.[1];
  if (license !== undefined) return <LicensePage id={license} />;
  const why = /^\/console\/why\/([A-Za-z0-9_]+)$/.exec(path)?.[1];
  switch (path) {
    case "/console/products":
      return <ProductsPage />;
    case "/console/keys":
      return <KeysPage />;
    // The older lookup page's address (bookmarks, the phone page's navigation) is the search now.
    case "/console/search":
    case "/console/licenses":
      return <SearchPage />;
    case "/console/why":
      return <WhyPage />;
    case "/console/tokens":
      return <TokensPage />;
    case "/console/audit":
      return <AuditPage />;
    case "/console/webhooks":
      return <WebhooksPage />;
    case "/console/phone":
      return <PhonePage />;
    default:
      return why === undefined ? <Dashboard /> : <WhyPage licenseId={why} />;
  }
}

function ConsoleApp() {
  const [locale, setLocale] = useState(startLocale);
  const words = speech(locale);
  return (
    <SpeechContext.Provider value={words}>
      <Signed onLocale={setLocale} />
    </SpeechContext.Provider>
  );
}

function Signed({ onLocale }: { readonly onLocale: (locale: "en" | "ja") => void }) {
  const path = usePath();
  const { session, form } = useAdminSession();
  const { words } = useSpeech();
  const nav = session
    ? [
        { href: "/console", label: words.nav.dashboard },
        { href: "/console/products", label: words.nav.products },
        ...(session.me.role === "admin" ? [{ href: "/console/keys", label: words.nav.keys }] : []),
        { href: "/console/search", label: words.nav.search },
        { href: "/console/why", label: words.nav.why },
        // Keys, tokens, webhooks and the audit log are the admin role's; support and readonly would only be refused.
        ...(session.me.role === "admin"
          ? [
              { href: "/console/tokens", label: words.nav.tokens },
              { href: "/console/webhooks", label: words.nav.webhooks },
              { href: "/console/audit", label: words.nav.audit },
            ]
          : []),
        { href: "/console/phone", label: words.nav.phone },
      ]
    : [];
  const line = session && (
    <div class="session">
      <p>
        {session.me.role} · {session.me.tokenId}
      </p>
      <button type="button" class="secondary" onClick={session.signOut}>
        {words.signIn.signOut}
      </button>
    </div>
  );
  return (
    <Frame area={words.nav.consoleName} nav={nav} path={path} onLocale={onLocale} session={line}>
      {session ? (
        <SessionContext.Provider value={session}>
          <Page path={path} />
        </SessionContext.Provider>
      ) : (
        form
      )}
    </Frame>
  );
}

const root = document.getElementById("app");
if (root) {
  root.textContent = "";
  render(<ConsoleApp />, root);
}
