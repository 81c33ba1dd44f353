import { keyLookupDigest, type License, newId, type Policy, type ProductKey, seal } from "@ninsho/core";
import type { IssuedLicense } from "@ninsho/store";
import type { ServerDeps } from "../../deps.js";
import { freshKeys } from "../offline/shortIds.js";

/** Keys made and committed per transaction while issuing: bounded memory whatever the count. */
export const ISSUE_BATCH = 5000;

export interface IssueRequest {
  readonly policy: Policy;
  readonly count: number;
  readonly ownerEmail?: string;
  /** Admin token that asked, for the timeline. */
  readonly actor: string;
}

/** A key as shown once to the admin who issued it. */
export interface IssuedKey {
  readonly license: License;
  readonly key: ProductKey;
}

/**
 * Issue `count` new licenses, committed in batches and yielded batch by batch, so a million keys stream to a
 * CSV without ever being held in memory together. Keys are stored only as a keyed digest (for lookup) and
 * sealed (for an admin to read again); the clear key exists only in this stream. Each license also gets the
 * short id derived from its key (unique: a key whose id is taken is not issued), which names it offline.
 */
export async function* issueLicenses(deps: ServerDeps, request: IssueRequest): AsyncGenerator<IssuedKey[]> {
  for (let done = 0; done < request.count; done += ISSUE_BATCH) {
    const size = Math.min(ISSUE_BATCH, request.count - done);
    const at = deps.clock().toISOString();
    const batch: IssuedKey[] = [];
    const rows: IssuedLicense[] = [];
    const shortIds: { licenseId: string; shortId: number }[] = [];
    for (const { key, shortId } of await freshKeys(deps, size)) {
      const license: License = {
        id: newId("license"),
        productId: request.policy.productId,
        policyId: request.policy.id,
        status: "active",
        keyHint: key.slice(-5),
        ...(request.ownerEmail === undefined ? {} : { ownerEmail: request.ownerEmail }),
        createdAt: at,
        ...(request.policy.expiry.kind === "fixed"
          ? { expiresAt: new Date(request.policy.expiry.at).toISOString() }
          : {}),
      };
      batch.push({ license, key });
      shortIds.push({ licenseId: license.id, shortId });
      rows.push({
        ...license,
        keyDigest: keyLookupDigest(deps.secrets, key),
        sealedKey: seal(deps.secrets, key, license.id),
      });
    }
    await deps.store.transaction(async (tx) => {
      await tx.licenses.insertMany(rows);
      await tx.offline.insertShortIds(shortIds);
      await tx.events.append(
        ...batch.map(({ license }) => ({
          id: newId("event"),
          licenseId: license.id,
          type: "license.created" as const,
          actor: request.actor,
          data: { policyId: request.policy.id },
          createdAt: at,
        })),
      );
    });
    yield batch;
  }
}
