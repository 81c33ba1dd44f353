/**
 * A real server for the page tests: `startServer` on port 0 in a fresh folder, seeded (so it has an admin
 * token), with the web pages registered on bundles made for this run in their own folder.
 */
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  buildInstallationId,
  createOfflineRequest,
  type InstallationId,
  parseProductKey,
  unseal,
} from "@ninsho/core";
import { type RunningServer, startServer } from "@ninsho/server";
import pino from "pino";
import { bundleClient } from "../../scripts/bundle.js";
import { loadAssets } from "../../src/assets.js";
import { webPages } from "../../src/register.js";

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export interface WebServer {
  readonly url: string;
  readonly adminToken: string;
  readonly server: RunningServer;
  /** Call the API as a client would, with the admin token unless `token` is given (null: none). */
  call(method: string, path: string, body?: unknown, token?: string | null): Promise<Answer>;
  close(): Promise<void>;
}

/** Bundle the pages' scripts into a folder of their own, so test files running at once never share one. */
export async function freshAssets() {
  const dir = await mkdtemp(join(tmpdir(), "ninsho-web-assets-"));
  await bundleClient(`${dir}/`);
  return { assets: loadAssets(`${dir}/`), remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * @example
 * const web = await startWebServer();
 * await fetch(`${web.url}/activate/phone`);
 */
export async function startWebServer(): Promise<WebServer> {
  const dir = await mkdtemp(join(tmpdir(), "ninsho-web-"));
  const bundles = await freshAssets();
  const server = await startServer({
    dataDir: dir,
    port: 0,
    print: () => {},
    logger: pino({ level: "silent" }),
    extensions: [webPages({ assets: bundles.assets })],
  });
  const adminToken = server.seeded?.adminToken;
  if (adminToken === undefined) throw new Error("the server did not seed an admin token");
  const call = async (method: string, path: string, body?: unknown, token: string | null = adminToken) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["content-type"] = "application/json";
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return {
    url: server.url,
    adminToken,
    server,
    call,
    close: async () => {
      await server.close();
      await bundles.remove();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A string field of an answer, insisting it is there. */
export function field(answer: Answer, name: string): string {
  const value = answer.body[name];
  if (typeof value !== "string")
    throw new Error(`no ${name} in ${answer.status} ${JSON.stringify(answer.body)}`);
  return value;
}

export interface Catalogue {
  readonly productId: string;
  readonly policyId: string;
  readonly key: string;
  readonly licenseId: string;
}

/** A product, a policy and one license issued under it, through the admin API. */
export async function catalogue(
  web: WebServer,
  policy: { readonly maxDevices: number; readonly transferable?: boolean; readonly channel?: string },
  ownerEmail?: string,
): Promise<Catalogue> {
  const product = await web.call("POST", "/v1/admin/products", { name: "Lab suite" });
  const productId = field(product, "id");
  const made = await web.call("POST", "/v1/admin/policies", {
    productId,
    name: "Lab policy",
    channel: "retail",
    leaseSeconds: 30 * 86_400,
    graceSeconds: 14 * 86_400,
    ...policy,
  });
  const policyId = field(made, "id");
  const issued = await web.call("POST", "/v1/admin/licenses", {
    policyId,
    count: 1,
    ...(ownerEmail === undefined ? {} : { ownerEmail }),
  });
  const first = (issued.body.licenses as { id: string; key: string }[] | undefined)?.[0];
  if (!first) throw new Error(`issue: ${issued.status} ${JSON.stringify(issued.body)}`);
  return { productId, policyId, key: first.key, licenseId: first.id };
}

/** A new admin API token with `role`, as an admin makes one for a support agent. */
export async function tokenWithRole(web: WebServer, role: "readonly" | "support" | "admin") {
  const made = await web.call("POST", "/v1/admin/tokens", { name: `${role} agent`, role });
  return { id: field(made, "id"), token: field(made, "token") };
}

/** A machine's components as a collector reports them: salted-looking digests derived from its name. */
export const machine = (name: string) => ({
  collector: "test/1",
  components: ["board", "disk", "mac", "os-install", "cpu", "gpu", "ram"].map((kind) => ({
    kind,
    digest: createHash("sha256").update(`${name}:${kind}`).digest("hex"),
  })),
});

/** The product's published offline key (product number and BLS public key). */
export async function offlineKey(web: WebServer, productId: string) {
  const res = await web.call("GET", `/v1/products/${productId}/offline-key`, undefined, null);
  return { productNumber: Number(res.body.productNumber), publicKey: field(res, "publicKey") };
}

/**
 * The request file machine `name` writes for USB activation (`ninsho device request-file`), as its text.
 * @example
 * await page.getByLabel("Request file").setInputFiles({ name: "r.json", mimeType: "application/json", buffer });
 */
export function requestFileOf(c: Catalogue, name: string, platform = "windows"): string {
  const key = parseProductKey(c.key);
  if (!key.ok) throw new Error(`not a key: ${c.key}`);
  const request = createOfflineRequest({
    key: key.value,
    productId: c.productId,
    device: { name, platform },
    fingerprint: machine(name),
    at: new Date(),
  });
  return JSON.stringify(request);
}

/** The installation ID machine `name` shows today for `key`, built as a device builds it (core's codec). */
export async function installationIdOf(web: WebServer, c: Catalogue, name: string): Promise<InstallationId> {
  const key = parseProductKey(c.key);
  if (!key.ok) throw new Error(`not a key: ${c.key}`);
  const { productNumber } = await offlineKey(web, c.productId);
  return buildInstallationId({ key: key.value, productNumber, components: machine(name), at: new Date() });
}

/**
 * The path of the newest link mailed to `email` from `template` (e.g. `/account/verify#token=…`), read from the
 * outbox as the operator's `ninsho outbox show` opens it.
 * @example
 * await page.goto(`${web.url}${await linkMailed(web, "aiko@example.jp", "verify")}`);
 */
export async function linkMailed(web: WebServer, email: string, template: string): Promise<string> {
  const { store, secrets } = web.server.deps;
  const mail = (await store.outbox.list(1000)).find((m) => m.to === email && m.template === template);
  const text = mail && (JSON.parse(unseal(secrets, mail.sealedMessage, mail.id)) as { text: string }).text;
  const path = text && /https?:\/\/[^/\s]+(\/[^\s#]+#token=[\w-]+)/.exec(text)?.[1];
  if (path === undefined) throw new Error(`no ${template} mail with a link to ${email}`);
  return path;
}

/**
 * The transfer code mailed to `email` (the newest transfer-code mail's 8 digits), read from the outbox as the
 * operator's `ninsho outbox show` opens it.
 * @example
 * await page.getByLabel("Code from the email").fill(await codeMailed(web, "mika@example.jp"));
 */
export async function codeMailed(web: WebServer, email: string): Promise<string> {
  const { store, secrets } = web.server.deps;
  const mails = (await store.outbox.list(1000)).filter(
    (m) => m.to === email && m.template === "transfer-code",
  );
  const newest = mails.at(-1);
  const text =
    newest && (JSON.parse(unseal(secrets, newest.sealedMessage, newest.id)) as { text: string }).text;
  const code = text && /\b(\d{4}\s?\d{4})\b/.exec(text)?.[1];
  if (code === undefined) throw new Error(`no transfer-code mail to ${email}`);
  return code;
}
