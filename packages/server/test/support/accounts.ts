/**
 * Account flows as a browser or a script drives them: sign-up, the mail read from the outbox (as the operator
 * reads it), the session cookie carried by hand, requests from this server's own origin unless a test says
 * otherwise.
 */
import { unseal } from "@ninsho/core";
import { Secret, TOTP } from "otpauth";
import { type Answer, type CallOptions, call } from "./http.js";
import type { TestServer } from "./server.js";

/** The origin `app.request()` sends to: what the CSRF check takes as the server's own. */
export const OWN_ORIGIN = "http://localhost";

export const PASSWORD = "correct horse battery staple";

/** A request of the account API: JSON, from this origin, with the session cookie when given. */
export function accountCall(
  t: TestServer,
  method: string,
  path: string,
  body?: unknown,
  options: { cookie?: string | undefined; origin?: string | null; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.origin !== null) headers.origin = options.origin ?? OWN_ORIGIN;
  if (options.cookie !== undefined) headers.cookie = `ninsho_session=${options.cookie}`;
  const call_: CallOptions = { headers };
  return call(t.app, method, path, body, call_);
}

/** The session token a Set-Cookie header sets, if any. */
export function sessionCookie(answer: Answer): string | undefined {
  const header = answer.headers.get("set-cookie") ?? "";
  return /ninsho_session=([^;]*)/.exec(header)?.[1] || undefined;
}

/** A mail of the outbox, opened as `ninsho outbox show` opens it. */
export interface OpenedMail {
  readonly id: string;
  readonly to: string;
  readonly template: string;
  readonly language: string;
  readonly subject: string;
  readonly text: string;
}

/** The outbox's mails to an address, newest first. */
export async function mailsTo(t: TestServer, email: string): Promise<OpenedMail[]> {
  const mails = await t.store.outbox.list(1000);
  return mails
    .filter((mail) => mail.to === email)
    .map((mail) => {
      const opened = JSON.parse(unseal(t.deps.secrets, mail.sealedMessage, mail.id)) as {
        subject: string;
        text: string;
      };
      return { id: mail.id, to: mail.to, template: mail.template, language: mail.language, ...opened };
    });
}

/** The token of the newest mail of a template to an address (the part after `#token=`). */
export async function tokenMailed(t: TestServer, email: string, template: string): Promise<string> {
  const mail = (await mailsTo(t, email)).find((m) => m.template === template);
  const token = mail && /#token=([\w-]+)/.exec(mail.text)?.[1];
  if (token === undefined) throw new Error(`no ${template} mail with a token to ${email}`);
  return token;
}

export const signUp = (t: TestServer, email: string, password = PASSWORD, headers?: Record<string, string>) =>
  accountCall(t, "POST", "/v1/accounts", { email, password }, headers === undefined ? {} : { headers });

export const signIn = (t: TestServer, email: string, password = PASSWORD, cookie?: string) =>
  accountCall(t, "POST", "/v1/sessions", { email, password }, { cookie });

/** Sign up and verify the email through the mailed link. */
export async function verifiedAccount(t: TestServer, email: string, password = PASSWORD): Promise<void> {
  const up = await signUp(t, email, password);
  if (up.status !== 201) throw new Error(`sign-up: ${up.status} ${up.text}`);
  const verified = await accountCall(t, "POST", "/v1/accounts/verify", {
    token: await tokenMailed(t, email, "verify"),
  });
  if (verified.status !== 200) throw new Error(`verify: ${verified.status} ${verified.text}`);
}

/** Sign in and insist on a session; its cookie's token. */
export async function session(t: TestServer, email: string, password = PASSWORD): Promise<string> {
  const res = await signIn(t, email, password);
  const cookie = sessionCookie(res);
  if (res.status !== 200 || cookie === undefined) throw new Error(`sign-in: ${res.status} ${res.text}`);
  return cookie;
}

/** A verified account, signed in: its session cookie. */
export async function signedIn(t: TestServer, email: string, password = PASSWORD): Promise<string> {
  await verifiedAccount(t, email, password);
  return session(t, email, password);
}

/** The current code of a TOTP secret (base32) at the test clock's time, as an authenticator app shows it. */
export const totp = (secret: string, t: TestServer): string =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: t.clock.now().getTime() });

/** A device asks for a device code for a product; its secret code, the user code, and the whole answer. */
export async function askedDeviceCode(t: TestServer, productId: string) {
  const res = await call(t.app, "POST", "/v1/device-codes", { productId });
  if (res.status !== 200) throw new Error(`device code: ${res.status} ${res.text}`);
  const body = res.body as { deviceCode: string; userCode: string };
  return { deviceCode: body.deviceCode, userCode: body.userCode, body: res.body };
}

/** The device polls with its code. */
export const pollDeviceCode = (t: TestServer, deviceCode: string) =>
  call(t.app, "POST", "/v1/device-codes/token", { deviceCode });
