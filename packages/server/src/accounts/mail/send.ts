import type { Locale } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import { keyedDigest } from "../secrets.js";
import { type MailTemplate, type MailValues, writeMail } from "./texts.js";

/** Mails one address may receive per hour: enough for a person, too few to flood someone's inbox through us. */
const MAILS_PER_ADDRESS_PER_HOUR = 5;

/**
 * A link on this server's public URL, its token (if any) after `#`: browsers never send the fragment, so the
 * token stays out of access logs and Referer headers.
 * @example
 * accountLink(deps, "/account/reset", token); // "https://activate.example.com/account/reset#token=…"
 */
export const accountLink = (deps: ServerDeps, path: string, token?: string): string =>
  `${deps.accounts.publicUrl.replace(/\/+$/, "")}${path}${token === undefined ? "" : `#token=${token}`}`;

/**
 * Write a mail in the account's language and hand it to the mailer, unless the address had its share this hour
 * (then it is dropped quietly: the answer to the request is the same either way).
 * @example
 * await sendAccountMail(deps, account.email, account.language, "reset", { link });
 */
export async function sendAccountMail(
  deps: ServerDeps,
  to: string,
  language: Locale,
  template: MailTemplate,
  values: MailValues,
): Promise<void> {
  const now = deps.clock().getTime();
  const key = `mail:${keyedDigest(deps.accounts.keys.digests, "mail", to)}`;
  const counted = await deps.store.rateLimits.consume(key, 1, 3_600_000, now);
  if (counted.count > MAILS_PER_ADDRESS_PER_HOUR) {
    deps.logger.warn({ template }, "account mail dropped: this address had its share this hour");
    return;
  }
  await deps.accounts.mailer.send({ to, language, template, ...writeMail(template, language, values) });
}
