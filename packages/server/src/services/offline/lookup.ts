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

const DAY_MS = 86_400_000;

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
 * Seconds until self-service may try this license again, when installation IDs with a wrong proof for it have
 * reached the daily allowance (someone who overheard an ID guessing its proof); `undefined` to go ahead.
 * @example
 * await proofGuessingRetryAfter(deps, license.id); // undefined, or seconds to wait
 */
export async function proofGuessingRetryAfter(
  deps: ServerDeps,
  licenseId: string,
): Promise<number | undefined> {
  const now = deps.clock().getTime();
  const since = new Date(now - DAY_MS).toISOString();
  const refusals = await deps.store.events.listTypesSince(licenseId, ["activation.refused"], since);
  const wrong = refusals.filter((e) => e.reason === "INSTALLATION_ID_NOT_FOUND");
  const first = wrong[0];
  if (!first || wrong.length < deps.offline.failedProofsPerDay) return undefined;
  return Math.max(1, Math.ceil((Date.parse(first.createdAt) + DAY_MS - now) / 1000));
}

/**
 * Keep a wrong proof in the license's timeline: support sees it, and it counts towards the daily allowance.
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
