import type { ClientText } from "../client/text.js";

/** Words the server writes into the pages themselves; `{n}`-style placeholders are filled where used. */
export interface PageText {
  readonly languageName: string;
  readonly languageLabel: string;
  readonly skipToContent: string;
  readonly noscript: string;
  readonly phoneTitle: string;
  readonly phoneIntro: string;
  readonly installationId: string;
  readonly installationIdHint: string;
  /** {n} */
  readonly groupLabel: string;
  readonly deviceName: string;
  readonly deviceNameHint: string;
  readonly submit: string;
  readonly privacy: string;
  readonly consoleName: string;
  readonly consolePhoneTitle: string;
  readonly consolePhoneIntro: string;
  readonly consoleInstallationIdHint: string;
  readonly consoleDeviceName: string;
  readonly lookupTitle: string;
  readonly lookupIntro: string;
  readonly lookupLabel: string;
  readonly lookupSubmit: string;
  readonly reason: string;
  readonly reasonHint: string;
  readonly signInHeading: string;
  readonly tokenLabel: string;
  readonly tokenHint: string;
  readonly signIn: string;
  readonly signOut: string;
}

/** Everything one language says on the web pages. */
export interface WebText {
  readonly page: PageText;
  readonly client: ClientText;
}
