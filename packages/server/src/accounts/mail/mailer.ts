import { type Locale, newId, type Secrets, seal } from "@ninsho/core";
import type { Store } from "@ninsho/store";
import type { Logger } from "pino";
import type { MailMessage, MailTemplate } from "./texts.js";

/** One mail to one address, already written in the account's language. */
export interface Mail extends MailMessage {
  readonly to: string;
  readonly template: MailTemplate;
  readonly language: Locale;
}

/** Where account mail goes: an SMTP server, or the outbox the operator reads with `ninsho outbox`. */
export interface Mailer {
  /** `smtp` or `outbox`, for the start-up banner. */
  readonly kind: "smtp" | "outbox";
  /** Hand a mail over. It never throws: a mail that cannot go is logged (without its address) and dropped. */
  send(mail: Mail): Promise<void>;
}

/**
 * Mail kept in the store's outbox, its subject and text sealed under the master key (they carry one-time links).
 * The local install's default: it works without a mail server.
 * @example
 * const mailer = new OutboxMailer(store, secrets, logger, clock);
 */
export class OutboxMailer implements Mailer {
  readonly kind = "outbox";

  constructor(
    private readonly store: Store,
    private readonly secrets: Secrets,
    private readonly logger: Logger,
    private readonly clock: () => Date,
  ) {}

  async send(mail: Mail): Promise<void> {
    const id = newId("mail");
    try {
      await this.store.outbox.insert({
        id,
        to: mail.to,
        template: mail.template,
        language: mail.language,
        sealedMessage: seal(this.secrets, JSON.stringify({ subject: mail.subject, text: mail.text }), id),
        createdAt: this.clock().toISOString(),
      });
    } catch (error) {
      this.logger.error({ err: error, template: mail.template }, "could not keep a mail in the outbox");
    }
  }
}

/** What `SmtpMailer` sends through: nodemailer's transport, or anything with its `sendMail`. */
export interface SmtpTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

/**
 * Mail sent through an SMTP server (nodemailer). Sending happens after the answer: a slow mail server must not
 * slow the answer, nor make an answer for a known email take longer than one for an unknown email.
 * @example
 * const mailer = await SmtpMailer.fromUrl("smtps://user:pass@mail.example.com", "Ninsho <no-reply@example.com>", logger);
 */
export class SmtpMailer implements Mailer {
  readonly kind = "smtp";
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly transport: SmtpTransport,
    private readonly from: string,
    private readonly logger: Logger,
  ) {}

  /** A mailer on nodemailer's transport for an `smtp://` or `smtps://` URL (loaded only when configured). */
  static async fromUrl(url: string, from: string, logger: Logger): Promise<SmtpMailer> {
    const nodemailer = await import("nodemailer");
    return new SmtpMailer(nodemailer.createTransport(url), from, logger);
  }

  send(mail: Mail): Promise<void> {
    const sending = this.transport
      .sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text })
      .then(
        () => undefined,
        (error: unknown) => {
          // The address is never logged; the template says which mail it was.
          const reason = error instanceof Error ? error.message : String(error);
          this.logger.error({ template: mail.template, reason }, "could not send a mail");
        },
      )
      .finally(() => this.pending.delete(sending));
    this.pending.add(sending);
    return Promise.resolve();
  }

  /** Resolves when every mail handed over so far has been sent or given up (for a clean stop, and tests). */
  async drained(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}
