import { isCompactJwe, reason } from "@ninsho/core";
import type { ClientEmitter } from "../client/events.js";
import { prepareLease } from "../client/lease.js";
import type { ResolvedOptions } from "../client/options.js";
import { seed } from "../client/problem.js";
import type { KeySet } from "../client/publicKeys.js";
import type { Session } from "../client/session.js";
import { failed, type Step } from "./host.js";
import { openLicenseFile, sameAsRequest } from "./licenseFile.js";
import type { RequestBook } from "./requests.js";

/**
 * What `installLicenseFile()` installed: an ordinary signed lease, for the device and license it names.
 *
 * @example
 * const result = await client.installLicenseFile(readFileSync("/media/usb/ninsho-license.jwe", "utf8"));
 * if (result.ok) console.log(result.licenseFile.deviceId, result.licenseFile.leaseExpiresAt);
 */
export interface LicenseFileView {
  readonly deviceId: string;
  readonly licenseId: string;
  readonly leaseExpiresAt: string;
  readonly graceEndsAt: string;
  /** Whether it came sealed to this machine. */
  readonly sealed: boolean;
  /** The digest of the request file it answers. */
  readonly requestDigest: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Check a license file (see `openLicenseFile`), read the machine again (a file typed for a machine whose
 * hardware changed since its request is refused), and install the lease it wraps as a normal lease: the
 * app runs offline until it ends and, when it ever comes online, refreshes it like any other device.
 *
 * @example
 * const installed = await installLicenseFileOn(options, keys, session, book, events, text);
 * if (!installed.ok) console.log(installed.seed.code); // "LICENSE_FILE_INVALID"
 */
export async function installLicenseFileOn(
  o: ResolvedOptions,
  keys: KeySet,
  session: Session,
  book: RequestBook,
  events: ClientEmitter,
  contents: string,
): Promise<Step<{ readonly licenseFile: LicenseFileView }>> {
  const opened = openLicenseFile(contents, keys, await book.list(), o.productId);
  if (!opened.ok) return opened;
  const { claims, request } = opened.value;
  if (!sameAsRequest(request, await o.fingerprint())) {
    return failed(seed("LICENSE_FILE_INVALID", { reason: reason("FILE_MACHINE_CHANGED") }));
  }
  const prepared = prepareLease(claims.lease, keys, o.productId, claims.sub);
  if (!prepared.ok) {
    const why = reason("FILE_LEASE_REFUSED", { why: prepared.refusal.cause });
    return failed(seed("LICENSE_FILE_INVALID", { reason: why }));
  }
  const lease = prepared.lease;
  const { state } = session;
  // A file signed before the newest signed "no" this machine has seen (a revocation, a deactivation) is an
  // older word than that verdict: typing it in again must not undo the verdict.
  if (state.verdict && lease.issuedAtMs <= (state.lastServerTimeMs ?? 0)) return failed(state.verdict.seed);
  const now = o.now();
  delete state.verdict;
  delete state.releasedAt;
  const { chn, ent, lex } = lease.claims;
  state.license = {
    channel: chn,
    entitlements: [...ent],
    ...(lex === undefined ? {} : { expiresAt: iso(lex * 1000) }),
  };
  state.lastDecision = {
    at: iso(now),
    by: "activation",
    outcome: "license_file",
    match: { request: claims.req },
  };
  const length = lease.leaseExpiresAtMs - lease.issuedAtMs;
  state.nextOnlineAt = Math.max(lease.issuedAtMs, now) + o.refreshFraction * length;
  await session.takeLease(lease);
  // A signed file typed in now confirms its lease as an answer would: it needs no record of an older one.
  if (session.stateProblem?.code === "STATE_UNCONFIRMED") session.stateProblem = undefined;
  await session.save();
  const view = {
    deviceId: lease.claims.sub,
    licenseId: lease.claims.lic,
    leaseExpiresAt: iso(lease.leaseExpiresAtMs),
    graceEndsAt: iso(lease.graceEndsAtMs),
  };
  events.emit("lease", {
    deviceId: view.deviceId,
    leaseExpiresAt: view.leaseExpiresAt,
    graceEndsAt: view.graceEndsAt,
  });
  return {
    ok: true,
    value: { licenseFile: { ...view, sealed: isCompactJwe(contents), requestDigest: claims.req } },
  };
}
