import {
  buildInstallationId,
  type ComponentSet,
  collectorCode,
  compactFingerprint,
  dayDate,
  type InstallationId,
  type ProductKey,
  parseInstallationId,
  parseProductKey,
} from "@ninsho/core";
import type { ResolvedOptions } from "../client/options.js";
import { seed } from "../client/problem.js";
import type { KeySet } from "../client/publicKeys.js";
import type { Session } from "../client/session.js";
import { failed, type Step } from "./host.js";
import { resolveOfflineKey } from "./offlineKey.js";
import { type OfflineKey, predatesVerdict } from "./phoneLease.js";
import { MAX_PENDING } from "./state.js";

/**
 * This machine's installation ID as an app shows it: 54 digits in nine groups of six (five digits and a check
 * digit each), to be read over the phone or typed on the phone-activation page.
 *
 * @example
 * const { installationId } = await client.installationId();
 * console.log(installationId.text); // "100051-726359-…" (nine groups)
 */
export interface InstallationIdView {
  /** The nine groups joined by hyphens. */
  readonly text: string;
  readonly groups: readonly string[];
  /** The 54 digits without separators, as the phone page's `#iid=` link carries them. */
  readonly digits: string;
  readonly productNumber: number;
  /** The day it carries (`YYYY-MM-DD`, UTC): a server refuses IDs more than 7 days old. */
  readonly date: string;
  /** When this machine made it (an ID is shown again, unchanged, for a few days). */
  readonly createdAt: string;
}

/** An ID stays the one shown for this many days, so a call that spans midnight still confirms. */
const REUSE_DAYS = 3;

/**
 * The installed key, parsed, or the problem of a machine without one.
 *
 * @example
 * const key = installedKey(session);
 * if (!key.ok) return key;
 */
export function installedKey(session: Session): Step<ProductKey> {
  const key = session.state.key === undefined ? undefined : parseProductKey(session.state.key);
  if (!key?.ok) return failed(session.keyProblem?.seed ?? seed("KEY_NOT_INSTALLED"));
  return { ok: true, value: key.value };
}

/**
 * Whether two IDs stand for the same key, product and machine (whatever their day).
 *
 * @example
 * sameMachine(stored, fresh); // false after a disk was replaced
 */
export const sameMachine = (a: InstallationId, b: InstallationId): boolean =>
  a.productNumber === b.productNumber &&
  a.licenseShortId === b.licenseShortId &&
  a.collector.platform === b.collector.platform &&
  a.collector.version === b.collector.version &&
  Object.entries(a.fingerprint).every(
    ([kind, value]) => b.fingerprint[kind as keyof typeof b.fingerprint] === value,
  );

/**
 * Whether this machine, read now, is still the one an installation ID describes (collector and compact
 * fingerprint): a confirmation is refused when the machine changed after its ID was made.
 *
 * @example
 * if (!machineUnchanged(pending, await options.fingerprint())) refuse();
 */
export function machineUnchanged(iid: InstallationId, current: ComponentSet): boolean {
  const code = collectorCode(current.collector);
  const compact = compactFingerprint(current.components);
  return (
    code.platform === iid.collector.platform &&
    code.version === iid.collector.version &&
    Object.entries(compact).every(([kind, value]) => iid.fingerprint[kind as keyof typeof compact] === value)
  );
}

/**
 * The installation IDs this machine made and keeps, newest first (unreadable entries are skipped).
 *
 * @example
 * for (const { iid, createdAt } of pendingIds(session)) console.log(iid.text, new Date(createdAt));
 */
export function pendingIds(session: Session): { readonly iid: InstallationId; readonly createdAt: number }[] {
  return (session.state.offline?.pending ?? []).flatMap((p) => {
    const parsed = parseInstallationId(p.text);
    return parsed.ok ? [{ iid: parsed.value, createdAt: p.createdAt }] : [];
  });
}

const view = (iid: InstallationId, createdAt: number): InstallationIdView => ({
  text: iid.text,
  groups: iid.groups,
  digits: iid.groups.join(""),
  productNumber: iid.productNumber,
  date: dayDate(iid.day),
  createdAt: new Date(createdAt).toISOString(),
});

/**
 * This machine's installation ID, from its key, product number, fingerprint and today's date, kept in the
 * state folder: the confirmation is verified against the stored ID, never against digits a person typed.
 * The ID made in the last few days is shown again while key and machine are unchanged.
 *
 * @example
 * const made = await makeInstallationId(options, keys, session);
 * if (made.ok) console.log(made.value.installationId.text);
 */
export async function makeInstallationId(
  o: ResolvedOptions,
  keys: KeySet,
  session: Session,
): Promise<Step<{ readonly installationId: InstallationIdView; readonly offlineKey: OfflineKey }>> {
  const key = installedKey(session);
  if (!key.ok) return key;
  const offlineKey = await resolveOfflineKey(o, keys, session);
  if (!offlineKey.ok) return offlineKey;
  const now = o.now();
  const fresh = buildInstallationId({
    key: key.value,
    productNumber: offlineKey.value.productNumber,
    components: await o.fingerprint(),
    at: new Date(now),
  });
  // An ID from before a signed "no" is not shown again: its confirmation would be refused (`predatesVerdict`).
  const kept = pendingIds(session).find(
    ({ iid }) =>
      sameMachine(iid, fresh) &&
      fresh.day >= iid.day &&
      fresh.day - iid.day < REUSE_DAYS &&
      !predatesVerdict(session.state, iid.day),
  );
  if (kept)
    return {
      ok: true,
      value: { installationId: view(kept.iid, kept.createdAt), offlineKey: offlineKey.value },
    };
  const others = (session.state.offline?.pending ?? []).filter((p) => p.text !== fresh.text);
  session.state.offline = {
    ...session.state.offline,
    pending: [{ text: fresh.text, createdAt: now }, ...others].slice(0, MAX_PENDING),
  };
  await session.save();
  return { ok: true, value: { installationId: view(fresh, now), offlineKey: offlineKey.value } };
}
