import { randomBytes } from "node:crypto";
import { type AdminToken, newId, type Role, tokenDigest } from "@ninsho/core";
import type { Repositories } from "@ninsho/store";
import type { ServerDeps } from "../../deps.js";
import { ADMIN_TOKEN_PREFIX } from "../../security/adminAuth.js";

/**
 * Make an admin token. The clear token is returned once, to be shown once; only its digest is stored.
 * @example
 * const { token } = await createToken(deps, { name: "ci", role: "readonly" });
 */
export async function createToken(
  deps: Pick<ServerDeps, "clock" | "store">,
  input: { readonly name: string; readonly role: Role },
  tx: Repositories = deps.store,
): Promise<{ token: string; record: AdminToken }> {
  const token = `${ADMIN_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const record: AdminToken = {
    id: newId("token"),
    name: input.name,
    role: input.role,
    createdAt: deps.clock().toISOString(),
  };
  await tx.tokens.insert(record, tokenDigest(token));
  return { token, record };
}
