/**
 * A real Ninsho server for the tests of the packages that talk to one over HTTP (the SDK, the device CLI):
 * `startServer` from @ninsho/server, on a port, SQLite in a temp folder. A test can stop it and start it again
 * on the same port and data, as an outage and its recovery look to a client.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type PublicJwk, type SigningKey, unseal } from "@ninsho/core";
import { type RunningServer, startServer } from "@ninsho/server";
import { pino } from "pino";

export interface LiveServer {
  readonly url: string;
  readonly port: number;
  readonly productId: string;
  readonly policyId: string;
  readonly adminToken: string;
  readonly demoKey: string;
  readonly jwks: { keys: PublicJwk[] };
  /** Call the admin API with the seeded admin token. */
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /**
   * A fresh license under `policyId` (default: the demo policy: 3 devices, 7-day lease, 14-day grace), sold to
   * `ownerEmail` when given (the owner a transfer code is mailed to).
   */
  newLicense(policyId?: string, ownerEmail?: string): Promise<{ key: string; id: string }>;
  /** The texts of the outbox's mails to an address, newest first (as the operator's `ninsho outbox` shows them). */
  mailsTo(email: string): Promise<{ template: string; text: string }[]>;
  /** The code of the newest transfer-code mail to an address. */
  transferCodeFor(email: string): Promise<string>;
  /** Sign up, verify and sign in as `email` (from the server's own origin): the session cookie header. */
  signedIn(email: string): Promise<string>;
  /** The current private signing key of a product (an attacker who holds it: a leak, another vendor). */
  signingKeyFor(productId: string): Promise<SigningKey>;
  /** A policy of the demo product with these fields (the rest are the server's defaults). */
  newPolicy(fields: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
  /** Start again on the same port and data folder. */
  start(): Promise<void>;
  /** Stop and remove the data. */
  dispose(): Promise<void>;
}

const quiet = { print: () => undefined, logger: pino({ level: "silent" }) };

export async function startLiveServer(): Promise<LiveServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "ninsho-live-server-"));
  let running: RunningServer | undefined = await startServer({ dataDir, port: 0, ...quiet });
  const seeded = running.seeded;
  if (!seeded) throw new Error("a first start seeds a demo product");
  const url = running.url;
  const port = Number(new URL(url).port);
  const jwks = (await (await fetch(`${url}/.well-known/jwks.json`)).json()) as { keys: PublicJwk[] };

  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${seeded.adminToken}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };

  const mailsTo = async (email: string) => {
    const deps = running?.deps;
    if (!deps) throw new Error("the server is not running");
    const mails = (await deps.store.outbox.list(1000)).filter((mail) => mail.to === email);
    return mails.map((mail) => {
      const opened = JSON.parse(unseal(deps.secrets, mail.sealedMessage, mail.id)) as { text: string };
      return { template: mail.template, text: opened.text };
    });
  };

  return {
    url,
    port,
    productId: seeded.productId,
    policyId: seeded.policyId,
    adminToken: seeded.adminToken,
    demoKey: seeded.demoKey,
    jwks,
    admin,
    async newLicense(policyId = seeded.policyId, ownerEmail?: string) {
      const owner = ownerEmail === undefined ? {} : { ownerEmail };
      const res = await admin("POST", "/v1/admin/licenses", { policyId, count: 1, ...owner });
      const license = (res.body as { licenses?: { key: string; id: string }[] }).licenses?.[0];
      if (res.status !== 201 || !license) throw new Error(`issuing a license failed: ${res.status}`);
      return { key: license.key, id: license.id };
    },
    mailsTo,
    async transferCodeFor(email) {
      const mail = (await mailsTo(email)).find((m) => m.template === "transfer-code");
      const code = mail && /^\s+(\d{8})$/m.exec(mail.text)?.[1];
      if (code === undefined) throw new Error(`no transfer code mailed to ${email}`);
      return code;
    },
    async signedIn(email) {
      const password = "correct horse battery staple";
      const account = (path: string, body: unknown, cookie?: string) =>
        fetch(`${url}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: url, ...(cookie ? { cookie } : {}) },
          body: JSON.stringify(body),
        });
      await account("/v1/accounts", { email, password });
      const verify = (await mailsTo(email)).find((m) => m.template === "verify");
      const token = verify && /#token=([\w-]+)/.exec(verify.text)?.[1];
      if (token === undefined) throw new Error(`no verification mail to ${email}`);
      await account("/v1/accounts/verify", { token });
      const signIn = await account("/v1/sessions", { email, password });
      const cookie = /ninsho_session=[^;]+/.exec(signIn.headers.get("set-cookie") ?? "")?.[0];
      if (cookie === undefined) throw new Error(`sign-in as ${email}: ${signIn.status}`);
      return cookie;
    },
    async signingKeyFor(productId) {
      const key = await running?.deps.keyring.signingKeyFor(productId);
      if (!key) throw new Error(`no signing key for ${productId} (is the server running?)`);
      return key;
    },
    async newPolicy(fields) {
      const res = await admin("POST", "/v1/admin/policies", {
        productId: seeded.productId,
        name: `test policy ${Math.random()}`,
        channel: "retail",
        ...fields,
      });
      const id = (res.body as { id?: string }).id;
      if (res.status !== 201 || id === undefined)
        throw new Error(`creating a policy failed: ${JSON.stringify(res.body)}`);
      return id;
    },
    async stop() {
      await running?.close();
      running = undefined;
    },
    async start() {
      running ??= await startServer({ dataDir, port, ...quiet });
    },
    async dispose() {
      await running?.close();
      running = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
