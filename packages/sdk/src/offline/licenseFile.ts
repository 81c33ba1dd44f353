import {
  compactFingerprint,
  fromBase64Url,
  isCompactJwe,
  LICENSE_FILE_TYPE,
  type LicenseFileClaims,
  openSealed,
  type Problem,
  type ReasonCode,
  readLicenseFile,
  reason,
} from "@ninsho/core";
import { seed } from "../client/problem.js";
import type { KeySet } from "../client/publicKeys.js";
import { failed, type Step } from "./host.js";
import type { StoredRequest } from "./requests.js";

const kidOf = (jws: string): string | undefined => {
  try {
    const header: unknown = JSON.parse(fromBase64Url(jws.split(".")[0] ?? "").toString("utf8"));
    if (header === null || typeof header !== "object" || !("kid" in header)) return undefined;
    return typeof header.kid === "string" ? header.kid : undefined;
  } catch {
    return undefined;
  }
};

const invalid = (why: ReasonCode) => failed(seed("LICENSE_FILE_INVALID", { reason: reason(why) }));

/**
 * What a license file holds once it checked out against one of this machine's requests.
 *
 * @example
 * const opened: OpenedLicenseFile = { claims, request };
 */
export interface OpenedLicenseFile {
  readonly claims: LicenseFileClaims;
  readonly request: StoredRequest;
}

/** Try one kept request: open it if sealed, find the signing key by `kid`, and let core check the rest. */
function tryRequest(
  file: string,
  keys: KeySet,
  kept: StoredRequest,
):
  | { readonly ok: true; readonly claims: LicenseFileClaims }
  | { readonly ok: false; readonly problem: Problem } {
  const jws = isCompactJwe(file)
    ? kept.privateKey && openSealed(file, kept.privateKey, LICENSE_FILE_TYPE)
    : file;
  const kid = jws ? kidOf(jws) : undefined;
  const candidates = kid === undefined ? [] : keys.candidates(kid);
  let problem: Problem | undefined;
  // Without a kid core refuses it as malformed, with its own words; each candidate key is tried in turn.
  for (const key of candidates.length > 0 ? candidates : [undefined]) {
    const map = new Map(kid !== undefined && key ? [[kid, key]] : []);
    const read = readLicenseFile({
      file,
      keys: map,
      request: kept.request,
      ...(kept.privateKey ? { privateKey: kept.privateKey } : {}),
    });
    if (read.ok) return { ok: true, claims: read.value.claims };
    problem ??= read.error;
  }
  return { ok: false, problem: problem ?? { code: "LICENSE_FILE_INVALID" } };
}

/**
 * Check a license file against the request files this machine kept (newest first): sealed to this machine
 * when it asked so, signed by the product, answering one of its requests, for this product, with a lease for
 * the device it names. The problem reported is the newest request's (LICENSE_FILE_INVALID with its reason).
 *
 * @example
 * const opened = openLicenseFile(text, keys, await book.list(), productId);
 * if (opened.ok) installLease(opened.value.claims.lease);
 */
export function openLicenseFile(
  contents: string,
  keys: KeySet,
  requests: readonly StoredRequest[],
  productId: string,
): Step<OpenedLicenseFile> {
  const file = contents.trim();
  if (file === "") return invalid("FILE_EMPTY");
  const ours = requests.filter((r) => r.request.productId === productId);
  if (ours.length === 0) return invalid("FILE_NO_REQUEST");
  let first: Problem | undefined;
  for (const request of ours) {
    const tried = tryRequest(file, keys, request);
    if (tried.ok) return { ok: true, value: { claims: tried.claims, request } };
    first ??= tried.problem;
  }
  const problem = first ?? { code: "LICENSE_FILE_INVALID" };
  return failed(seed(problem.code, problem.params, problem.details));
}

/**
 * Whether the machine read now is still the one its request described (collector and compact fingerprint).
 *
 * @example
 * if (!sameAsRequest(opened.value.request, await options.fingerprint())) refuse();
 */
export function sameAsRequest(
  kept: StoredRequest,
  current: { readonly collector: string; readonly components: readonly { kind: string; digest: string }[] },
): boolean {
  const then = compactFingerprint(kept.request.fingerprint.components);
  const now = compactFingerprint(current.components);
  return (
    kept.request.fingerprint.collector === current.collector &&
    Object.entries(then).every(([kind, value]) => now[kind as keyof typeof now] === value)
  );
}
