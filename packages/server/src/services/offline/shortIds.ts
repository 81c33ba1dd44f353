import { generateProductKey, licenseShortId, type ProductKey, parseProductKey, unseal } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";

/** A key about to be issued, with the short id that will name its license offline. */
export interface KeyWithShortId {
  readonly key: ProductKey;
  readonly shortId: number;
}

/**
 * `count` new keys whose short ids are free: not taken by a stored license nor by another key of the batch.
 * A key whose 40-bit id is taken is simply never issued (at a million licenses, one key in a million).
 * @example
 * const keys = await freshKeys(deps, 5000); // [{ key, shortId }, …]
 */
export async function freshKeys(deps: ServerDeps, count: number): Promise<KeyWithShortId[]> {
  const chosen: KeyWithShortId[] = [];
  const inBatch = new Set<number>();
  let wanted = count;
  while (wanted > 0) {
    const candidates: KeyWithShortId[] = [];
    for (let i = 0; i < wanted; i++) {
      const key = generateProductKey();
      const shortId = licenseShortId(key);
      if (inBatch.has(shortId)) continue;
      inBatch.add(shortId);
      candidates.push({ key, shortId });
    }
    const taken = await deps.store.offline.takenShortIds(candidates.map((c) => c.shortId));
    for (const candidate of candidates) if (!taken.has(candidate.shortId)) chosen.push(candidate);
    wanted = count - chosen.length;
  }
  return chosen;
}

const BACKFILL_CHUNK = 500;

/**
 * Give short ids to licenses issued before they existed: each license's key is unsealed, its id derived and
 * stored. A license whose id another already has (about one in a million) keeps none and cannot be activated
 * offline; it is logged. Returns how many were given.
 * @example
 * await backfillShortIds(deps); // 0 once every license has one
 */
export async function backfillShortIds(deps: ServerDeps): Promise<number> {
  let given = 0;
  const skipped = new Set<string>();
  for (;;) {
    const rows = (await deps.store.offline.licensesWithoutShortId(BACKFILL_CHUNK + skipped.size)).filter(
      (row) => !skipped.has(row.id),
    );
    if (rows.length === 0) return given;
    const derived = rows.flatMap((row) => {
      const key = parseProductKey(unseal(deps.secrets, row.sealedKey, row.id));
      return key.ok ? [{ licenseId: row.id, shortId: licenseShortId(key.value) }] : [];
    });
    const taken = await deps.store.offline.takenShortIds(derived.map((d) => d.shortId));
    const seen = new Set<number>();
    const free = derived.filter((d) => {
      const ok = !taken.has(d.shortId) && !seen.has(d.shortId);
      seen.add(d.shortId);
      return ok;
    });
    const freeIds = new Set(free.map((d) => d.licenseId));
    const left = rows.filter((row) => !freeIds.has(row.id)).map((row) => row.id);
    for (const id of left) skipped.add(id);
    if (left.length > 0) deps.logger.warn({ licenses: left }, "licenses left without a short id");
    await deps.store.transaction((tx) => tx.offline.insertShortIds(free));
    given += free.length;
  }
}

const running = new WeakMap<ServerDeps, Promise<number>>();

/**
 * Run the backfill once per process, in the background (the first offline request naming an unknown license
 * starts it). `startServer` may run it at start instead.
 * @example
 * void backfillShortIdsOnce(deps);
 */
export function backfillShortIdsOnce(deps: ServerDeps): Promise<number> {
  let pending = running.get(deps);
  if (!pending) {
    pending = backfillShortIds(deps).catch((error: unknown) => {
      deps.logger.error({ err: error }, "short id backfill failed");
      running.delete(deps);
      return 0;
    });
    running.set(deps, pending);
  }
  return pending;
}
