/** Offline activation against a live server: what the phone page and the vendor's portal send. */
import type { Fingerprint } from "@ninsho/core";
import type { LiveServer } from "../../../../testing/liveServer.js";
import type { ClientOptions, NinshoClient } from "../../src/index.js";
import { clientFor, machine, tempDir } from "../client/support/device.js";

export interface Answer<T> {
  readonly status: number;
  readonly body: T;
}

export interface ConfirmationBody {
  confirmationId: string;
  groups: string[];
  installationId: string;
  grant: { leaseDays: number; graceDays: number; leaseExpiresAt?: string; graceEndsAt?: string };
  device: { id: string };
  replayed: boolean;
  error?: { code: string };
}

export interface LicenseFileBody {
  licenseFile: string;
  sealed: boolean;
  leaseExpiresAt: string;
  graceEndsAt: string;
  device: { id: string };
  replayed: boolean;
  error?: { code: string };
}

async function post<T>(server: Pick<LiveServer, "url">, path: string, body: unknown): Promise<Answer<T>> {
  const res = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** What the phone-activation page does with the digits a person typed. */
export const phoneActivation = (server: Pick<LiveServer, "url">, installationId: string) =>
  post<ConfirmationBody>(server, "/v1/offline/confirmations", { installationId });

/** What the vendor's portal does with a request file carried on a USB stick. */
export const licenseFileFor = (server: Pick<LiveServer, "url">, requestFile: string) =>
  post<LicenseFileBody>(server, "/v1/offline/license-files", { requestFile });

/** A machine whose fingerprint the test can change (a part replaced). */
export function mutableMachine(name: string) {
  let current: Fingerprint = machine(name);
  return {
    fingerprint: async () => current,
    replace(kind: string) {
      current = {
        ...current,
        components: current.components.map((c) =>
          c.kind === kind ? { kind, digest: `${c.digest.slice(0, -4)}beef` } : c,
        ),
      };
    },
  };
}

/** A client with `key` installed that never goes online on its own (an air-gapped machine). */
export async function offlineDevice(
  server: LiveServer,
  key: string,
  overrides: Partial<ClientOptions> & { machineName?: string } = {},
): Promise<{ client: NinshoClient; dir: string }> {
  const dir = tempDir("ninsho-sdk-offline-");
  const client = clientFor(server, dir, { autoActivate: false, ...overrides });
  const installed = await client.installKey(key);
  if (!installed.ok) throw new Error(`installKey: ${installed.problem.code}`);
  return { client, dir };
}

/** The installation ID a client shows, or a failure with its problem. */
export async function installationIdOf(client: NinshoClient): Promise<string> {
  const made = await client.installationId();
  if (!made.ok) throw new Error(`installationId: ${made.problem.code} ${made.problem.message}`);
  return made.installationId.text;
}

/** Phone-activate a device: its ID to the server, the confirmation typed back. */
export async function phoneConfirmed(server: LiveServer, client: NinshoClient) {
  const iid = await installationIdOf(client);
  const answer = await phoneActivation(server, iid);
  if (answer.status !== 201 && answer.status !== 200)
    throw new Error(`confirmation: ${answer.status} ${JSON.stringify(answer.body)}`);
  const confirmed = await client.confirm(answer.body.confirmationId);
  if (!confirmed.ok) throw new Error(`confirm: ${confirmed.problem.code} ${confirmed.problem.message}`);
  return { iid, answer: answer.body, confirmed };
}
