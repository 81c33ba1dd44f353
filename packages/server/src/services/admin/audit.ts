import { newId } from "@ninsho/core";
import type { Repositories } from "@ninsho/store";

/** One admin action for the audit log: what, by whom, about what, why, and its facts. */
export interface AuditEntryInput {
  readonly type: string;
  readonly actor: string;
  readonly target?: string;
  readonly reason?: string;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly at: string;
}

/**
 * Write an admin action to the audit log, in the caller's transaction so the change and its entry commit
 * together. Never pass a secret in `data`: the log is readable by every admin token.
 * @example
 * await recordAudit(tx, { type: "token.revoked", actor, target: tokenId, reason, at });
 */
export async function recordAudit(tx: Pick<Repositories, "audit">, entry: AuditEntryInput): Promise<void> {
  await tx.audit.append({
    id: newId("audit"),
    type: entry.type,
    actor: entry.actor,
    data: entry.data ?? {},
    createdAt: entry.at,
    ...(entry.target === undefined ? {} : { target: entry.target }),
    ...(entry.reason === undefined ? {} : { reason: entry.reason }),
  });
}

/**
 * What changed between two objects, field by field, for an audit entry or a timeline entry.
 * @example
 * changedFields({ maxDevices: 1 }, { maxDevices: 3 }); // { maxDevices: { from: 1, to: 3 } }
 */
export function changedFields(before: object, after: object): Record<string, { from: unknown; to: unknown }> {
  const was = new Map<string, unknown>(Object.entries(before));
  const now = new Map<string, unknown>(Object.entries(after));
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of new Set([...was.keys(), ...now.keys()])) {
    const from = was.get(field) ?? null;
    const to = now.get(field) ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}
