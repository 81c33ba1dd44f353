import { keyComponents, type Secrets } from "@ninsho/core";
import type { Store } from "@ninsho/store";
import type { Logger } from "pino";

const SETTING = "component_digests";
const PAGE = 500;

/**
 * Re-key the component digests of devices stored before digests were keyed (migration
 * `0006_keyed_component_digests` marks such a database `client`): every client digest becomes its keyed form,
 * which is exactly what the same client's digest keys to when it next presents it, so every device is still
 * recognised. Runs at start, before the server listens; a page at a time, compare-and-set per device (another
 * process may be serving meanwhile), idempotent, so a start interrupted half-way simply goes on next time.
 * Returns how many devices it rewrote.
 * @example
 * await rekeyStoredDigests(store, deriveSecrets(masterKey), logger);
 */
export async function rekeyStoredDigests(store: Store, secrets: Secrets, logger: Logger): Promise<number> {
  if ((await store.settings.get(SETTING)) !== "client") return 0;
  let after = "";
  let rewritten = 0;
  for (;;) {
    const page = await store.devices.componentsPage(after, PAGE);
    for (const { id, components } of page) {
      const keyed = keyComponents(secrets.componentDigests, components);
      const changed = keyed.some((component, i) => component.digest !== components[i]?.digest);
      if (changed && (await store.devices.replaceComponents(id, components, keyed))) rewritten += 1;
    }
    const last = page.at(-1);
    if (last === undefined || page.length < PAGE) break;
    after = last.id;
  }
  await store.settings.set(SETTING, "keyed");
  if (rewritten > 0)
    logger.info({ devices: rewritten }, "stored component digests re-keyed under the master key");
  return rewritten;
}
