/**
 * With an SMTP server configured, account mail goes through it (nodemailer) and not into the outbox. The SMTP
 * server is a small sink on a local port speaking just enough of RFC 5321 to take one message: an outside
 * service, stood in for, not a part of ours.
 */
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { SmtpMailer } from "../../src/accounts/mail/mailer.js";
import { signUp } from "../support/accounts.js";
import { silentLogger, useServers } from "../support/server.js";

interface Sink {
  readonly url: string;
  readonly messages: string[];
  close(): Promise<void>;
}

async function smtpSink(): Promise<Sink> {
  const messages: string[] = [];
  const server: Server = createServer((socket) => {
    let data: string | undefined;
    socket.write("220 sink ESMTP\r\n");
    let buffer = "";
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (data !== undefined) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          messages.push(data + buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          data = undefined;
          socket.write("250 queued\r\n");
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol < 0) return;
        const command = buffer.slice(0, eol).toUpperCase();
        buffer = buffer.slice(eol + 2);
        if (command.startsWith("EHLO")) socket.write("250-sink\r\n250 8BITMIME\r\n");
        else if (command.startsWith("DATA")) {
          data = "";
          socket.write("354 go on\r\n");
        } else if (command.startsWith("QUIT")) socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    messages,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** A message's body decoded from its transfer encoding (quoted-printable or base64, as nodemailer picks). */
function bodyOf(message: string): string {
  const [head = "", ...rest] = message.split("\r\n\r\n");
  const body = rest.join("\r\n\r\n");
  if (/content-transfer-encoding: base64/i.test(head)) return Buffer.from(body, "base64").toString("utf8");
  if (/content-transfer-encoding: quoted-printable/i.test(head)) {
    const joined = body.replace(/=\r\n/g, "");
    const bytes = joined.replace(/=([0-9A-F]{2})/gi, (_m, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

describe("account mail over SMTP", () => {
  const servers = useServers();
  let sink: Sink | undefined;
  afterEach(async () => {
    await sink?.close();
  });

  describe("happy", () => {
    it("sends the verification mail through the SMTP server, in the account's language, and keeps none", async () => {
      sink = await smtpSink();
      const mailer = await SmtpMailer.fromUrl(sink.url, "Ninsho <no-reply@example.com>", silentLogger());
      const t = await servers.start({ accounts: { mailer } });
      expect((await signUp(t, "aiko@example.jp", undefined, { "accept-language": "ja" })).status).toBe(201);
      await mailer.drained();
      expect(sink.messages).toHaveLength(1);
      const message = sink.messages[0] ?? "";
      expect(message).toMatch(/^To: aiko@example\.jp$/im);
      expect(message).toMatch(/^From: Ninsho <no-reply@example\.com>$/im);
      expect(bodyOf(message)).toContain("/account/verify#token=");
      expect(bodyOf(message)).toContain("メールアドレスを確認");
      expect(await t.store.outbox.list(10)).toEqual([]);
    });
  });

  describe("error", () => {
    it("a mail server that cannot be reached changes nothing in the answer; the failure is logged without the address", async () => {
      const lines: string[] = [];
      const { pino } = await import("pino");
      const logger = pino({ level: "error" }, { write: (line: string) => lines.push(line) });
      const mailer = await SmtpMailer.fromUrl("smtp://127.0.0.1:9", "Ninsho <no-reply@example.com>", logger);
      const t = await servers.start({ accounts: { mailer } });
      const res = await signUp(t, "aiko@example.jp");
      expect(res.status).toBe(201);
      await mailer.drained();
      expect(lines.join("")).toContain("could not send a mail");
      expect(lines.join("")).not.toContain("aiko@example.jp");
    });
  });
});
