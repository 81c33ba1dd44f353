import { effectivePolicy, type License, type Policy } from "@ninsho/core";
import type { Store } from "@ninsho/store";

/**
 * How long another process may keep serving a policy after an admin edited it, when several processes share
 * the database (PostgreSQL): the edit reaches their devices within this, and the cost is one row read per
 * policy per process per interval. The process that made the edit forgets its copy at once (`invalidate`).
 */
export const SHARED_POLICY_MAX_AGE_MS = 5_000;

/**
 * Policies by id, kept in memory so a validation reads one row (the license) instead of a join. Policies are
 * edited rarely (issue 13: an edit reaches each license from its next lease on): the editing process drops its
 * copy at once; other processes re-read theirs after `maxAgeMs` (one process alone on SQLite keeps them until
 * it edits them itself).
 */
export class PolicyCache {
  private readonly policies = new Map<string, { policy: Policy; readAt: number }>();
  private readonly maxAgeMs: number;

  constructor(
    private readonly store: Store,
    maxAgeMs?: number,
  ) {
    this.maxAgeMs =
      maxAgeMs ?? (store.singleWriterProcess ? Number.POSITIVE_INFINITY : SHARED_POLICY_MAX_AGE_MS);
  }

  async get(id: string): Promise<Policy | undefined> {
    const cached = this.policies.get(id);
    const now = performance.now();
    if (cached && now - cached.readAt < this.maxAgeMs) return cached.policy;
    const policy = await this.store.policies.findById(id);
    if (policy) this.policies.set(id, { policy, readAt: now });
    else this.policies.delete(id);
    return policy;
  }

  /**
   * The rules a license follows: its policy with the license's own overrides (see core's `effectivePolicy`).
   * @example
   * const policy = await deps.policies.forLicense(license); // maxDevices as overridden for this license
   */
  async forLicense(license: Pick<License, "policyId" | "overrides">): Promise<Policy | undefined> {
    const policy = await this.get(license.policyId);
    return policy && effectivePolicy(policy, license);
  }

  /** Forget a policy this process just edited, so its next read is the new one. */
  invalidate(id: string): void {
    this.policies.delete(id);
  }
}
