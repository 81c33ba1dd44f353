/**
 * Self-service transfers as an owner drives them: a license sold to an email (the owner a code is mailed to),
 * the code read from the outbox as the owner reads their mail, and `POST /v1/transfers` with the key and that
 * code or with a session.
 */
import { mailsTo, signedIn } from "./accounts.js";
import type { Fingerprint } from "./fingerprints.js";
import { type Answer, type CallOptions, call, post } from "./http.js";
import { aDevice, type Catalogue, type DeviceInfo, type PolicyFields, type TestServer } from "./server.js";

export const OWNER = "owner@example.jp";

/** A fresh product and policy with `count` licenses sold to `email`. */
export async function ownedCatalogue(
  t: TestServer,
  fields: PolicyFields = {},
  email = OWNER,
  count = 1,
): Promise<Catalogue> {
  const productId = await t.product();
  const policyId = await t.policy(productId, fields);
  const licenses = await t.issue(policyId, count, email);
  const first = licenses[0];
  if (!first) throw new Error("no license issued");
  return { productId, policyId, key: first.key, licenseId: first.id, licenses };
}

/** Ask for a transfer code with the key (the answer as it came). */
export const askTransferCode = (t: TestServer, key: string, options?: CallOptions): Promise<Answer> =>
  post(t.app, "/v1/transfers/codes", { key }, options);

/** The code in the newest transfer-code mail to an address. */
export async function codeMailedTo(t: TestServer, email = OWNER): Promise<string> {
  const mail = (await mailsTo(t, email)).find((m) => m.template === "transfer-code");
  const code = mail && /^\s+(\d{8})$/m.exec(mail.text)?.[1];
  if (code === undefined) throw new Error(`no transfer code mailed to ${email}`);
  return code;
}

/** Ask for a code and read it from the owner's mail. */
export async function mailedCode(t: TestServer, key: string, email = OWNER): Promise<string> {
  const asked = await askTransferCode(t, key);
  if (asked.status !== 202) throw new Error(`transfer code: ${asked.status} ${asked.text}`);
  return codeMailedTo(t, email);
}

/** What a transfer sends besides its proof. */
export interface Move {
  readonly replacesDeviceId: string;
  readonly fingerprint: Fingerprint;
  readonly device?: DeviceInfo;
  readonly nonce?: string;
}

const moveBody = (move: Move) => ({
  replacesDeviceId: move.replacesDeviceId,
  fingerprint: move.fingerprint,
  device: move.device ?? aDevice("New PC", "windows"),
  ...(move.nonce === undefined ? {} : { nonce: move.nonce }),
});

/** `POST /v1/transfers` with the key and a code (a fresh one mailed to `email` unless `code` is given). */
export async function transferWithCode(
  t: TestServer,
  key: string,
  move: Move,
  proof: { readonly email?: string; readonly code?: string } = {},
): Promise<Answer> {
  const code = proof.code ?? (await mailedCode(t, key, proof.email));
  return post(t.app, "/v1/transfers", { key, code, ...moveBody(move) });
}

/** `POST /v1/transfers` signed in: the session cookie, from `origin` (this server's by default). */
export const transferSignedIn = (
  t: TestServer,
  cookie: string,
  licenseId: string,
  move: Move,
  origin = "http://localhost",
): Promise<Answer> =>
  call(
    t.app,
    "POST",
    "/v1/transfers",
    { licenseId, ...moveBody(move) },
    {
      headers: { cookie: `ninsho_session=${cookie}`, origin },
    },
  );

/** The owner of licenses sold to `email`, signed up, verified and signed in: their session cookie. */
export const ownerSignedIn = (t: TestServer, email = OWNER): Promise<string> => signedIn(t, email);
