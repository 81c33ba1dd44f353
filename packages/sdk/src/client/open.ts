import { openOfflineCertificate } from "../offline/offlineKey.js";
import { openPhoneRecord } from "../offline/phoneLease.js";
import { DeviceSigner } from "./deviceKey/signer.js";
import type { ClientEmitter } from "./events.js";
import type { OnlineContext } from "./online.js";
import type { ResolvedOptions } from "./options.js";
import { discoverPreinstalledKey } from "./preinstalled/discover.js";
import type { KeySet } from "./publicKeys.js";
import { Session } from "./session.js";
import type { DeviceStore } from "./storage/deviceStore.js";

/**
 * Load a device's state folder into a session, look for a preinstalled key when none is installed (the
 * first run of a preinstalled machine), and wire what the online operations share.
 *
 * @example
 * const { session, context } = await openDevice(options, keys, store, events);
 * session.judge(Date.now()); // { state: "active", valid: true }
 */
export async function openDevice(
  o: ResolvedOptions,
  keys: KeySet,
  store: DeviceStore,
  events: ClientEmitter,
): Promise<{ session: Session; context: OnlineContext }> {
  const session = new Session(await store.load(), store, o.clockToleranceMs, o.refreshFraction);
  // Every lease is checked against the machine it runs on: read it once now (the reading is memoized).
  session.observeMachine(await o.fingerprint().catch(() => undefined));
  loadPhone(session, o, keys);
  if (session.state.key === undefined) {
    const found = await discoverPreinstalledKey(o.preinstalledKey, o);
    if (found?.ok) await session.setKey(found.key, found.source);
    else if (found) session.keyProblem = { seed: found.problem, source: found.source };
  }
  const context: OnlineContext = {
    transport: { url: o.url, fetch: o.fetch, timeoutMs: o.timeoutMs, keys, locale: o.locale },
    session,
    productId: o.productId,
    locale: o.locale,
    fingerprint: o.fingerprint,
    device: o.device,
    now: o.now,
    refreshFraction: o.refreshFraction,
    backoff: o.backoff,
    events,
    signer: new DeviceSigner(o.deviceKeys),
  };
  return { session, context };
}

/**
 * Verify a kept phone confirmation with the product's offline key: the `offline` option, else the key kept
 * with its certificate, which must verify with the product keys the app ships (never a key trusted because
 * it sits in the state folder). One that no longer verifies was altered: the state counts as tampered.
 */
function loadPhone(session: Session, o: ResolvedOptions, keys: KeySet): void {
  const record = session.state.offline?.phone;
  const key = o.offline ?? openOfflineCertificate(session.state.offline?.key?.certificate, keys, o.productId);
  // Without a trusted key (one an older SDK pinned unsigned) the record grants nothing, and is kept: an app
  // that ships the key, or a certificate fetched later, verifies it again.
  if (!record || !key || session.stateProblem) return;
  const opened = openPhoneRecord(record, key);
  if (opened.ok) session.phone = opened.lease;
  else session.stateProblem = { code: "STATE_TAMPERED", file: "state.json", reason: opened.reason };
}
