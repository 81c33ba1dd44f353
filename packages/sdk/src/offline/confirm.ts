import {
  type ConfirmationGrant,
  type InstallationId,
  licenseShortId,
  parseConfirmationId,
  verifyConfirmationId,
} from "@ninsho/core";
import type { ResolvedOptions } from "../client/options.js";
import { seed } from "../client/problem.js";
import type { KeySet } from "../client/publicKeys.js";
import type { Session } from "../client/session.js";
import { failed, type Step } from "./host.js";
import { installedKey, machineUnchanged, pendingIds } from "./installationId.js";
import { resolveOfflineKey } from "./offlineKey.js";
import { type PhoneLease, phoneLeaseOf, predatesVerdict } from "./phoneLease.js";

/**
 * What a confirmation ID granted, as `confirm()` reports it.
 *
 * @example
 * const result = await client.confirm(typed);
 * if (result.ok) console.log(result.confirmation.leaseExpiresAt, result.confirmation.graceEndsAt);
 */
export interface ConfirmationView {
  /** The installation ID it answers (grouped). */
  readonly installationId: string;
  /** The confirmation ID as installed (canonical groups: 18, or 17 for one of version 1). */
  readonly confirmationId: string;
  readonly leaseDays: number;
  readonly graceDays: number;
  /** The features it grants (`client.entitled()` says true for these while it is in effect). */
  readonly entitlements: readonly string[];
  /** True when the license has features a confirmation cannot carry: a license file or going online brings them. */
  readonly featuresWithheld: boolean;
  /** Absent when the confirmation granted no end. */
  readonly leaseExpiresAt?: string;
  readonly graceEndsAt?: string;
  /** False when a phone confirmation already installed runs longer and stays in effect. */
  readonly installed: boolean;
}

const invalid = (reason: string) => failed(seed("CONFIRMATION_INVALID", undefined, { reason }));

/**
 * Check a confirmation ID as a person typed it and install what it grants. A typo is named by its group
 * (CONFIRMATION_ID_MALFORMED) before anything else; the signature is verified with the product's offline
 * public key against the installation IDs this machine made and kept — never against digits typed in — and
 * the machine is read again: a confirmation for another machine, key or product, an altered one, or one
 * typed after the hardware changed is CONFIRMATION_INVALID. A confirmation typed twice is installed once. One
 * that may predate the newest signed verdict held (see `predatesVerdict`) is refused with that verdict's code.
 *
 * @example
 * const confirmed = await confirmOn(options, keys, session, "100539-841618-…");
 * if (!confirmed.ok) console.log(confirmed.seed.code); // "CONFIRMATION_ID_MALFORMED"
 */
export async function confirmOn(
  o: ResolvedOptions,
  keys: KeySet,
  session: Session,
  typed: string,
): Promise<Step<{ readonly confirmation: ConfirmationView }>> {
  const parsed = parseConfirmationId(typed);
  if (!parsed.ok) {
    const { code, params, details } = parsed.error;
    return failed(seed(code, params, details));
  }
  const key = installedKey(session);
  if (!key.ok) return key;
  const offlineKey = await resolveOfflineKey(o, keys, session);
  if (!offlineKey.ok) return offlineKey;
  const shortId = licenseShortId(key.value);
  const candidates = pendingIds(session).filter(
    ({ iid }) => iid.licenseShortId === shortId && iid.productNumber === offlineKey.value.productNumber,
  );
  if (candidates.length === 0) return invalid("this machine has made no installation ID for its key yet");
  let matched: { iid: InstallationId; grant: ConfirmationGrant } | undefined;
  for (const { iid } of candidates) {
    const checked = verifyConfirmationId({
      installationId: iid,
      confirmationId: parsed.value,
      publicKey: offlineKey.value.publicKey,
    });
    if (checked.ok) {
      matched = { iid, grant: checked.value };
      break;
    }
  }
  if (!matched) return invalid("it was not issued for an installation ID this machine made");
  if (!machineUnchanged(matched.iid, await o.fingerprint()))
    return invalid("this machine changed after its installation ID was made");
  // Typed in again after a newer signed "no" (say, with an older state.json put back): refused with that verdict.
  const { verdict } = session.state;
  if (verdict && predatesVerdict(session.state, matched.iid.day)) return failed(verdict.seed);
  const now = o.now();
  const fresh = phoneLeaseOf(
    matched.iid,
    parsed.value.text,
    matched.grant,
    now,
    offlineKey.value.phoneFeatures,
  );
  const current = session.phone;
  const keep = current !== undefined && current.graceEndsAtMs > fresh.graceEndsAtMs;
  if (!keep && current?.confirmation !== fresh.confirmation) await install(session, fresh, now);
  const { terms, leaseExpiresAt, graceEndsAt } = matched.grant;
  return {
    ok: true,
    value: {
      confirmation: {
        installationId: matched.iid.text,
        confirmationId: parsed.value.text,
        leaseDays: terms.leaseDays,
        graceDays: terms.graceDays,
        entitlements: fresh.entitlements,
        featuresWithheld: fresh.featuresWithheld,
        ...(leaseExpiresAt ? { leaseExpiresAt: leaseExpiresAt.toISOString() } : {}),
        ...(graceEndsAt ? { graceEndsAt: graceEndsAt.toISOString() } : {}),
        installed: !keep,
      },
    },
  };
}

/** Keep the grant: a later signed decision than any verdict held, and a local time the clock may not go behind. */
async function install(session: Session, lease: PhoneLease, now: number): Promise<void> {
  const { state } = session;
  session.phone = lease;
  state.offline = {
    ...state.offline,
    phone: { installation: lease.installation.text, confirmation: lease.confirmation, confirmedAt: now },
  };
  delete state.verdict;
  delete state.releasedAt;
  state.lastDecision = {
    at: new Date(now).toISOString(),
    by: "activation",
    outcome: "phone_confirmed",
    match: { installationId: lease.installation.text },
  };
  session.observeLocalTime(now);
  await session.save();
}
