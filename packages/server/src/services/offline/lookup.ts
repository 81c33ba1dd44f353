import {
  dayDate,
  type License,
  offlineDay,
  type Problem,
  type ProductKey,
  parseProductKey,
  reason,
  unseal,
} from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import { recordRefusal } from "../events.js";
import { backfillShortIdsOnce } from "./shortIds.js";

/** A license found by its short id, with its key unsealed to check the request's proof. */
export interface KeyedLicense {
  readonly license: License;
  readonly key: ProductKey;
}

/**
 * The license a short id names, and its key. A miss starts (once per process) giving short ids to licenses
 * issued before they existed, so an old license is found on the next try.
 * @example
 * const found = await licenseByShortId(deps, iid.licenseShortId);
 */
export async function licenseByShortId(deps: ServerDeps, shortId: number): Promise<KeyedLicense | undefined> {
  const license = await deps.store.offline.findLicenseByShortId(shortId);
  if (!license) {
    void backfillShortIdsOnce(deps);
    return undefined;
  }
  const sealed = await deps.store.licenses.sealedKey(license.id);
  if (sealed === undefined) return undefined;
  const key = parseProductKey(unseal(deps.secrets, sealed, license.id));
  return key.ok ? { license, key: key.value } : undefined;
}

/**
 * OFFLINE_REQUEST_EXPIRED for a request made more than `requestMaxAgeDays` days ago, or dated more than a day
 * ahead (a device clock set wrong); `undefined` when its day is fine.
 * @example
 * requestAgeProblem(deps, iid.day); // undefined while the ID is fresh
 */
export function requestAgeProblem(deps: ServerDeps, day: number): Problem | undefined {
  const today = offlineDay(deps.clock());
  const maxAgeDays = deps.offline.requestMaxAgeDays;
  if (day <= today + 1 && today - day <= maxAgeDays) return undefined;
  return {
    code: "OFFLINE_REQUEST_EXPIRED",
    params: { requestDate: dayDate(day), maxAgeDays, today: dayDate(today) },
    details: { requestDate: dayDate(day), today: dayDate(today), maxAgeDays },
  };
}

/**
 * The refusal for an installation ID whose proof does not hold: said the same as an unknown license.
 * @example
 * return { ok: false, error: NOT_FOUND };
 */
export const NOT_FOUND: Problem = {
  code: "INSTALLATION_ID_NOT_FOUND",
  params: {
    reason: reason("IID_NO_MATCH"),
  },
};

/**
 * Keep a wrong proof in the license's timeline, for support to see (the guessing limits count it apart).
 * @example
 * await recordWrongProof(deps, license.id, "phone");
 */
export const recordWrongProof = (deps: ServerDeps, licenseId: string, method: "phone" | "file") =>
  deps.store.transaction((tx) =>
    recordRefusal(
      tx,
      licenseId,
      {
        code: method === "phone" ? "INSTALLATION_ID_NOT_FOUND" : "OFFLINE_FILE_INVALID",
        details: { method, cause: "proof" },
      },
      deps.clock().toISOString(),
    ),
  );
