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
  };
  return { session, context };
}
