import { createPrivateKey, type KeyObject } from "node:crypto";
import { isRecord, type OfflineRequest, parseOfflineRequest } from "@ninsho/core";
import type { DeviceStore } from "../client/storage/deviceStore.js";

/**
 * A request file this machine wrote, and the private key its license file is sealed to (when it asked).
 *
 * @example
 * const pending: StoredRequest = { request, privateKey };
 */
export interface StoredRequest {
  readonly request: OfflineRequest;
  readonly privateKey?: KeyObject;
}

/**
 * The file of a state folder that keeps the request files this machine wrote, with the private keys their
 * license files are sealed to (beside the SDK's `STATE_FILES`).
 *
 * @example
 * join(storageDir, OFFLINE_REQUESTS_FILE); // "<storageDir>/offline-requests.json"
 */
export const OFFLINE_REQUESTS_FILE = "offline-requests.json";

/**
 * The latest requests are kept: a license file for one written a little earlier still installs.
 *
 * @example
 * [fresh, ...kept].slice(0, MAX_REQUESTS);
 */
export const MAX_REQUESTS = 3;

const FORMAT = "ninsho-offline-requests/1";

function readEntry(entry: unknown): StoredRequest | undefined {
  if (!isRecord(entry)) return undefined;
  const parsed = parseOfflineRequest(entry.request);
  if (!parsed.ok) return undefined;
  if (typeof entry.privateKey !== "string") return { request: parsed.value };
  try {
    return { request: parsed.value, privateKey: createPrivateKey(entry.privateKey) };
  } catch {
    return undefined;
  }
}

/** The requests kept in the state folder, newest first (an unreadable file or entry counts as none). */
async function loadRequests(store: DeviceStore): Promise<StoredRequest[]> {
  const read = await store.readFile(OFFLINE_REQUESTS_FILE);
  if (read.kind !== "text") return [];
  let value: unknown;
  try {
    value = JSON.parse(read.text);
  } catch {
    return [];
  }
  if (!isRecord(value) || value.format !== FORMAT || !Array.isArray(value.requests)) return [];
  return value.requests.flatMap((entry) => {
    const read = readEntry(entry);
    return read ? [read] : [];
  });
}

const serialize = (requests: readonly StoredRequest[]): string => {
  const entries = requests.map((r) => ({
    request: r.request,
    ...(r.privateKey ? { privateKey: r.privateKey.export({ type: "pkcs8", format: "pem" }).toString() } : {}),
  }));
  return `${JSON.stringify({ format: FORMAT, requests: entries }, null, 1)}\n`;
};

/**
 * The request files this machine wrote, read once from the state folder and kept in memory: a write that
 * fails (reported in the status's `storageError`, as every write of the folder is) still leaves the request
 * usable until the app stops. The file holds private keys; like every file of the folder it is written
 * atomically and readable by the user alone (0600).
 *
 * @example
 * const book = new RequestBook(store);
 * await book.keep({ request, privateKey });
 * const [latest] = await book.list();
 */
export class RequestBook {
  private requests: StoredRequest[] | undefined;

  constructor(private readonly store: DeviceStore) {}

  /** Newest first. */
  async list(): Promise<readonly StoredRequest[]> {
    this.requests ??= await loadRequests(this.store);
    return this.requests;
  }

  /** Keep a new request (newest first, at most `MAX_REQUESTS`). */
  async keep(fresh: StoredRequest): Promise<void> {
    const requests = [fresh, ...(await this.list())].slice(0, MAX_REQUESTS);
    this.requests = requests;
    await this.store.saveFile(OFFLINE_REQUESTS_FILE, serialize(requests)).catch(() => undefined);
  }
}
