import { OfflineKeySchema, readAs, readError } from "@ninsho/contract";
import { decodeOfflinePublicKey, isRecord, verifySignedResponse } from "@ninsho/core";
import type { ResolvedOptions } from "../client/options.js";
import { type ProblemSeed, seed } from "../client/problem.js";
import type { KeySet } from "../client/publicKeys.js";
import type { Session } from "../client/session.js";
import { failed, type Step } from "./host.js";
import type { OfflineKey } from "./phoneLease.js";

const MAX_BYTES = 64 * 1024;

/** GET a small JSON document; every failure is a problem of the catalogue. */
async function getJson(o: ResolvedOptions, path: string): Promise<Step<unknown>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), o.timeoutMs);
  let status: number;
  let text: string;
  try {
    const response = await o.fetch(`${o.url.replace(/\/+$/, "")}${path}`, {
      headers: { accept: "application/json", "accept-language": o.locale },
      signal: controller.signal,
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if (controller.signal.aborted)
      return failed(seed("SERVER_TIMEOUT", { seconds: Math.round(o.timeoutMs / 100) / 10 }));
    return failed(seed("SERVER_UNREACHABLE", { url: o.url }, { cause: String(error) }));
  } finally {
    clearTimeout(timer);
  }
  if (status >= 500) return failed(seed("SERVER_ERROR", { status }, { status }));
  let body: unknown;
  try {
    body = text.length > MAX_BYTES ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!isRecord(body)) return failed(seed("RESPONSE_INVALID", undefined, { status, reason: "not JSON" }));
  if (status >= 400) return failed(refusal(body, status));
  return { ok: true, value: body };
}

function refusal(body: unknown, status: number): ProblemSeed {
  const error = readError(body);
  if (error === undefined) return seed("RESPONSE_INVALID", undefined, { status });
  return { code: error.code, ...(error.details === undefined ? {} : { details: error.details }) };
}

/** What a certificate must say: this product's BLS key, as the server's signed `offline-key` answer says it. */
function certifiedKey(body: Record<string, unknown>, productId: string): OfflineKey | undefined {
  const key = readAs(OfflineKeySchema, body);
  const usable =
    key !== undefined &&
    key.productId === productId &&
    key.productNumber >= 1 &&
    key.productNumber <= 0xffff &&
    decodeOfflinePublicKey(key.publicKey) !== undefined;
  if (!usable) return undefined;
  const { productNumber, publicKey, phoneFeatures } = key;
  return { productNumber, publicKey, ...(phoneFeatures === undefined ? {} : { phoneFeatures }) };
}

/**
 * Open a certificate: the server's `offline-key` answer, signed with a product key the vendor shipped
 * (`publicKeys`). Anything else (unsigned, signed by another key, about another product) is no key at all.
 *
 * @example
 * const key = openOfflineCertificate(session.state.offline?.key?.certificate, keys, productId);
 * if (key) verifyConfirmationId({ installationId, confirmationId, publicKey: key.publicKey });
 */
export function openOfflineCertificate(
  certificate: string | undefined,
  keys: KeySet,
  productId: string,
): OfflineKey | undefined {
  if (certificate === undefined || keys.empty) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(certificate);
  } catch {
    return undefined;
  }
  if (!isRecord(body) || !isRecord(body.signature) || typeof body.signature.kid !== "string")
    return undefined;
  const kid = body.signature.kid;
  const signed = keys
    .candidates(kid)
    .some((key) => verifySignedResponse(body as Record<string, unknown>, new Map([[kid, key]])) === "valid");
  return signed ? certifiedKey(body, productId) : undefined;
}

/**
 * The product's offline key, only ever from what the vendor shipped: the `offline` option, else a key the
 * server certified with the product's signing key (verified with the shipped `publicKeys`, fetched once from
 * `GET /v1/products/{id}/offline-key` and kept with its certificate, which is verified again at every use).
 * Nothing is trusted on first use: a fake server, or an edited state file, cannot make the SDK accept a key
 * that signs confirmation IDs. With neither the offline key nor the public keys, phone activation is
 * refused with OFFLINE_KEY_NOT_SHIPPED.
 *
 * @example
 * const key = await resolveOfflineKey(options, keys, session);
 * if (key.ok) buildInstallationId({ key: installed, productNumber: key.value.productNumber, components, at });
 */
export async function resolveOfflineKey(
  o: ResolvedOptions,
  keys: KeySet,
  session: Session,
): Promise<Step<OfflineKey>> {
  if (o.offline) return { ok: true, value: o.offline };
  if (keys.empty) return failed(seed("OFFLINE_KEY_NOT_SHIPPED"));
  const kept = openOfflineCertificate(session.state.offline?.key?.certificate, keys, o.productId);
  if (kept) return { ok: true, value: kept };
  const got = await getJson(o, `/v1/products/${encodeURIComponent(o.productId)}/offline-key`);
  if (!got.ok) return got;
  const certificate = JSON.stringify(got.value);
  const key = openOfflineCertificate(certificate, keys, o.productId);
  if (!key)
    return failed(
      seed("RESPONSE_SIGNATURE_INVALID", undefined, {
        reason: "the offline key is not certified by this product's public keys",
      }),
    );
  session.state.offline = {
    ...session.state.offline,
    key: { ...key, pinnedAt: o.now(), certificate },
  };
  await session.save();
  return { ok: true, value: key };
}
