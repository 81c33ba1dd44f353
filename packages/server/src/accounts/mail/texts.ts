import type { Locale } from "@ninsho/core";

/** The mails accounts send. */
export type MailTemplate = "verify" | "signup-exists" | "reset" | "locked" | "transfer-code";

/** What fills a mail: links already made (with their tokens), and an instant for the lock. */
export interface MailValues {
  /** The link to act on (verification or reset, with its token after `#`, or the reset page). */
  readonly link: string;
  /** For `locked`: until when, as people read it. */
  readonly until?: string;
  /** For `transfer-code`: the code to type. */
  readonly code?: string;
}

export interface MailMessage {
  readonly subject: string;
  readonly text: string;
}

type Writer = (values: MailValues) => MailMessage;

/**
 * The words of every mail in English and Japanese. Tokens travel after `#` in links: a browser never sends the
 * fragment to a server, so no proxy or access log sees them; the page reads it and posts it.
 */
const texts: Readonly<Record<MailTemplate, Readonly<Record<Locale, Writer>>>> = {
  verify: {
    en: ({ link }) => ({
      subject: "Confirm your email address",
      text: `Welcome! Open this link within 48 hours to confirm this is your email address:\n\n${link}\n\nLicenses bought with this address will then show in your account.\nIf you did not create an account, ignore this mail.`,
    }),
    ja: ({ link }) => ({
      subject: "メールアドレスの確認",
      text: `ご登録ありがとうございます。48 時間以内に次のリンクを開いて、メールアドレスを確認してください:\n\n${link}\n\n確認後、このアドレスで購入したライセンスがアカウントに表示されます。\nお心当たりがない場合は、このメールを無視してください。`,
    }),
  },
  "signup-exists": {
    en: ({ link }) => ({
      subject: "You already have an account",
      text: `Someone (perhaps you) tried to create an account with this email address, which already has one.\n\nIf it was you, sign in; if you forgot the password, reset it here:\n\n${link}\n\nIf it was not you, ignore this mail: nothing has changed.`,
    }),
    ja: ({ link }) => ({
      subject: "アカウントはすでに登録されています",
      text: `このメールアドレスでアカウントの作成が試みられましたが、アカウントはすでに登録されています。\n\nご本人の場合はサインインしてください。パスワードを忘れた場合は、こちらからリセットできます:\n\n${link}\n\nお心当たりがない場合は、このメールを無視してください。変更は何も行われていません。`,
    }),
  },
  reset: {
    en: ({ link }) => ({
      subject: "Reset your password",
      text: `Open this link within one hour to choose a new password (it works once):\n\n${link}\n\nIt also unlocks your account and signs out every other session.\nIf you did not ask for this, ignore this mail: your password stays as it is.`,
    }),
    ja: ({ link }) => ({
      subject: "パスワードのリセット",
      text: `1 時間以内に次のリンクを開いて、新しいパスワードを設定してください（1 回だけ使えます）:\n\n${link}\n\nアカウントのロックも解除され、ほかのすべてのセッションはサインアウトされます。\nお心当たりがない場合は、このメールを無視してください。パスワードは変わりません。`,
    }),
  },
  locked: {
    en: ({ link, until }) => ({
      subject: "Your account is locked for a while",
      text: `There were too many failed sign-ins to your account, so it is locked until ${until ?? "—"}.\n\nTo get back in now, reset your password (this also unlocks the account):\n\n${link}\n\nIf these attempts were not yours, a new password keeps your account safe.`,
    }),
    ja: ({ link, until }) => ({
      subject: "アカウントが一時的にロックされました",
      text: `サインインの失敗が多すぎたため、アカウントは ${until ?? "—"} までロックされています。\n\nすぐに再開するには、パスワードをリセットしてください（ロックも解除されます）:\n\n${link}\n\nご自身の操作でない場合も、新しいパスワードに変更するとアカウントを守れます。`,
    }),
  },
  "transfer-code": {
    en: ({ link, code }) => ({
      subject: "Your code to move a license to a new machine",
      text: `Someone with your product key asked to move your license to a new machine. The code is:\n\n    ${code ?? "—"}\n\nIt works for 15 minutes. Type it where you were asked for it; the machine it replaces will stop working.\nIf this was not you, do not pass the code on: without it your license stays where it is. Your licenses and devices: ${link}`,
    }),
    ja: ({ link, code }) => ({
      subject: "ライセンスを新しいマシンへ移行するためのコード",
      text: `あなたのプロダクトキーで、ライセンスを新しいマシンへ移行する依頼がありました。コードは次のとおりです:\n\n    ${code ?? "—"}\n\n有効期間は 15 分です。求められた画面に入力してください。置き換えられるマシンでは使えなくなります。\nお心当たりがない場合は、このコードを誰にも伝えないでください。コードがなければライセンスは移行されません。ライセンスとデバイスの一覧: ${link}`,
    }),
  },
};

/**
 * A mail's subject and text in a language.
 * @example
 * writeMail("reset", "ja", { link: "https://activate.example.com/account/reset#token=…" }).subject;
 */
export const writeMail = (template: MailTemplate, locale: Locale, values: MailValues): MailMessage =>
  texts[template][locale](values);
