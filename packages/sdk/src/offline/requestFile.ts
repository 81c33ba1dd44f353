import {
  createOfflineRequest,
  generateDeviceSealingKey,
  type OfflineRequest,
  offlineRequestDigest,
  serializeOfflineRequest,
} from "@ninsho/core";
import type { ResolvedOptions } from "../client/options.js";
import type { Session } from "../client/session.js";
import type { Step } from "./host.js";
import { installedKey } from "./installationId.js";
import type { RequestBook } from "./requests.js";

/**
 * A request file as `offlineRequest()` gives it: the text to write to the USB stick, and what it says.
 *
 * @example
 * const result = await client.offlineRequest();
 * if (result.ok) writeFileSync(`/media/usb/${result.requestFile.fileName}`, result.requestFile.contents);
 */
export interface RequestFileView {
  /** The file's text (indented JSON, format `ninsho.offline-request`). */
  readonly contents: string;
  readonly request: OfflineRequest;
  /** A name for the file, e.g. `ninsho-request-2026-11-21.json`. */
  readonly fileName: string;
  /** Whether the license file will be sealed to this machine (its private key stays in the state folder). */
  readonly sealed: boolean;
  /** The request's digest, which the license file names (`req`). */
  readonly digest: string;
}

/**
 * Options of `offlineRequest()`.
 *
 * @example
 * await client.offlineRequest({ seal: false }); // a license file anyone holding it can read
 */
export interface OfflineRequestOptions {
  /** Ask for the license file sealed to this machine (default true). */
  readonly seal?: boolean;
}

/**
 * Write a request file for a machine reached only by USB: the full fingerprint, the license's short id and
 * a proof of the key (never the key), and — unless `seal` is false — the public half of a fresh X25519 key
 * whose private half stays in the state folder (0600) to open the license file. The latest few requests are
 * kept, so a license file for any of them installs.
 *
 * @example
 * const written = await writeOfflineRequest(options, session, new RequestBook(store), { seal: true });
 * if (written.ok) console.log(written.value.requestFile.contents);
 */
export async function writeOfflineRequest(
  o: ResolvedOptions,
  session: Session,
  book: RequestBook,
  options: OfflineRequestOptions,
): Promise<Step<{ readonly requestFile: RequestFileView }>> {
  const key = installedKey(session);
  if (!key.ok) return key;
  const sealing = options.seal === false ? undefined : generateDeviceSealingKey();
  const at = new Date(o.now());
  const request = createOfflineRequest({
    key: key.value,
    productId: o.productId,
    device: o.device,
    fingerprint: await o.fingerprint(),
    at,
    ...(sealing ? { encryptTo: sealing.publicJwk } : {}),
  });
  await book.keep({ request, ...(sealing ? { privateKey: sealing.privateKey } : {}) });
  return {
    ok: true,
    value: {
      requestFile: {
        contents: serializeOfflineRequest(request),
        request,
        fileName: `ninsho-request-${at.toISOString().slice(0, 10)}.json`,
        sealed: sealing !== undefined,
        digest: offlineRequestDigest(request),
      },
    },
  };
}
