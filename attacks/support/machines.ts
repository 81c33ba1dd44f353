/**
 * What the attack tests share: machines as fingerprints, an SDK client on a state folder, a cloned disk, and
 * the HTTP calls an attacker makes with nothing but curl.
 */
import { createHash, randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Component, Fingerprint } from "@ninsho/core";
import { createClient, type NinshoClient } from "@ninsho/sdk";
import type { LiveServer } from "../../testing/liveServer.js";

/** The kinds a machine reports, unit-level and model-level. */
export const KINDS = ["board", "disk", "mac", "os-install", "cpu", "ram"] as const;

/** A machine's components: stable digests derived from its name, so one name is always one machine. */
export function components(name: string): Component[] {
  const digest = (kind: string) => createHash("sha256").update(`${name}:${kind}`).digest("hex");
  return KINDS.map((kind) => ({ kind, digest: digest(kind) }));
}

/** A machine's fingerprint as collector `collector` reads it. */
export const machine = (name: string, collector = "linux/2"): Fingerprint => ({
  collector,
  components: components(name),
});

/** The machine with some of its components replaced (a new disk, an OS reinstall). */
export const withChanged = (fp: Fingerprint, kinds: readonly string[], tag = "changed"): Fingerprint => ({
  ...fp,
  components: fp.components.map((c) =>
    kinds.includes(c.kind)
      ? { kind: c.kind, digest: createHash("sha256").update(`${tag}:${c.digest}`).digest("hex") }
      : c,
  ),
});

export const tempDir = (prefix = "ninsho-attack-") => mkdtempSync(join(tmpdir(), prefix));

/** The unmodified SDK in `dir`, on the machine `fingerprint` says. */
export function sdkClient(server: LiveServer, dir: string, fingerprint: () => Fingerprint): NinshoClient {
  return createClient({
    url: server.url,
    productId: server.productId,
    publicKeys: server.jwks,
    storageDir: dir,
    fingerprint: async () => fingerprint(),
    locale: "en",
    env: {},
  });
}

/** A byte-for-byte copy of a state folder: the cloned disk or VM. */
export function cloneDisk(dir: string): string {
  const copy = tempDir("ninsho-attack-clone-");
  cpSync(dir, copy, { recursive: true });
  return copy;
}

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

export const nonce = () => randomBytes(16).toString("base64url");

/** A public route called as curl would: JSON in, status and JSON out. */
export async function post(server: LiveServer, path: string, body: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Answer };
}

/** The fields of an answer the tests read (activation, validation or problem). */
export interface Answer {
  readonly valid?: boolean;
  readonly state?: string;
  readonly lease?: string;
  readonly device?: { readonly id: string };
  readonly problem?: { readonly code: string };
  readonly error?: { readonly code: string; readonly details?: unknown };
  readonly decision?: { readonly outcome?: string; readonly deviceId?: string; readonly score?: number };
}

export const activate = (server: LiveServer, key: string, fingerprint: Fingerprint, lease?: string) =>
  post(server, "/v1/activations", {
    key,
    fingerprint,
    device: { name: "attack test", platform: "linux" },
    ...(lease === undefined ? {} : { lease }),
  });

export const validate = (
  server: LiveServer,
  by: { key: string } | { lease: string },
  fingerprint: Fingerprint,
) => post(server, "/v1/validate", { ...by, fingerprint, nonce: nonce() });

/** The license as support sees it: its devices (with any fork) and its timeline. */
export async function supportView(server: LiveServer, licenseId: string) {
  const license = (await server.admin("GET", `/v1/admin/licenses/${licenseId}`)).body as {
    devices: { id: string; forkedAt?: string; deactivatedAt?: string; components: Component[] }[];
  };
  const timeline = (await server.admin("GET", `/v1/admin/licenses/${licenseId}/timeline`)).body as {
    events: { type: string; reason?: string }[];
  };
  return { devices: license.devices, events: timeline.events };
}
