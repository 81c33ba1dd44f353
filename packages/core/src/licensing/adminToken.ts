/** What an admin token may do. `support` reads, deactivates and reassigns; `readonly` only reads. */
export const roles = ["admin", "support", "readonly"] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { readonly: 0, support: 1, admin: 2 };

/** True when `role` includes everything `required` may do. */
export const roleAllows = (role: Role, required: Role): boolean => rank[role] >= rank[required];

/** An admin API token as stored: only its digest, never the token. */
export interface AdminToken {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly lastUsedAt?: string;
  readonly revokedAt?: string;
}
