import { OfflineKeySchema, readAs, readError } from "@ninsho/contract";
import { decodeOfflinePublicKey, isRecord } from "@ninsho/core";
import type { ResolvedOptions } from "../client/options.js";
import { type ProblemSeed, seed } from "../client/problem.js";
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

/**
 * The product's offline key: from the `offline` option when the app ships it, else pinned in the state
 * folder, else fetched once from `GET /v1/products/{id}/offline-key` and pinned (trust on first use, as a
 * JWKS fetched at first activation would be: ship it with the app to avoid even that).
 *
 * @example
 * const key = await resolveOfflineKey(options, session);
 * if (key.ok) buildInstallationId({ key: installed, productNumber: key.value.productNumber, components, at });
 */
export async function resolveOfflineKey(o: ResolvedOptions, session: Session): Promise<Step<OfflineKey>> {
  if (o.offline) return { ok: true, value: o.offline };
  const pinned = session.state.offline?.key;
  if (pinned)
    return { ok: true, value: { productNumber: pinned.productNumber, publicKey: pinned.publicKey } };
  const got = await getJson(o, `/v1/products/${encodeURIComponent(o.productId)}/offline-key`);
  if (!got.ok) return got;
  const key = readAs(OfflineKeySchema, got.value);
  const usable =
    key !== undefined &&
    key.productId === o.productId &&
    key.productNumber >= 1 &&
    key.productNumber <= 0xffff &&
    decodeOfflinePublicKey(key.publicKey) !== undefined;
  if (!usable)
    return failed(seed("RESPONSE_INVALID", undefined, { reason: "not this product's offline key" }));
  const { productNumber, publicKey } = key;
  session.state.offline = {
    ...session.state.offline,
    key: { productNumber, publicKey, pinnedAt: o.now() },
  };
  await session.save();
  return { ok: true, value: { productNumber, publicKey } };
}
