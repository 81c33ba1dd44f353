import { deriveSecrets, unseal } from "@ninsho/core";
import { createStore } from "@ninsho/store";

/** One mail of the outbox, opened. */
export interface OutboxEntry {
  readonly id: string;
  readonly to: string;
  readonly template: string;
  readonly language: string;
  readonly createdAt: string;
  readonly subject: string;
  readonly text: string;
}

/** Where the outbox is: the database, and the master key its mails are sealed under. */
export interface OutboxOptions {
  /** `postgres://…` or the SQLite file. */
  readonly databaseUrl: string;
  readonly masterKey: Buffer;
  /** Newest first, at most this many (default 50). */
  readonly limit?: number;
}

/**
 * The mails kept for the operator (no SMTP server configured), newest first, opened with the master key: what
 * `ninsho outbox list` and `ninsho outbox show` print.
 * @example
 * const mails = await readOutbox({ databaseUrl: "./data/ninsho.db", masterKey });
 */
export async function readOutbox(options: OutboxOptions): Promise<OutboxEntry[]> {
  const secrets = deriveSecrets(options.masterKey);
  const open = (sealed: string, id: string) => {
    try {
      return unseal(secrets, sealed, id);
    } catch {
      throw new Error(
        "the master key does not open the outbox's mail: use the master.key this database was made with, or set NINSHO_MASTER_KEY to it",
      );
    }
  };
  const store = createStore({ url: options.databaseUrl, poolSize: 1 });
  try {
    await store.migrate();
    const mails = await store.outbox.list(options.limit ?? 50);
    return mails.map((mail) => {
      const { subject, text } = JSON.parse(open(mail.sealedMessage, mail.id)) as {
        subject: string;
        text: string;
      };
      const { sealedMessage: _sealed, ...shown } = mail;
      return { ...shown, subject, text };
    });
  } finally {
    await store.close();
  }
}
