import type { Policy } from "@ninsho/core";
import type { Store } from "@ninsho/store";

/**
 * Policies never change once created (a new rule is a new policy), so every process may keep them in memory
 * forever without any invalidation, and a validation reads one row (the license) instead of a join.
 */
export class PolicyCache {
  private readonly policies = new Map<string, Policy>();

  constructor(private readonly store: Store) {}

  async get(id: string): Promise<Policy | undefined> {
    const cached = this.policies.get(id);
    if (cached) return cached;
    const policy = await this.store.policies.findById(id);
    if (policy) this.policies.set(id, policy);
    return policy;
  }
}
