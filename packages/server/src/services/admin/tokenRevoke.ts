import { type AdminToken, fail, ok, type Result } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import { recordAudit } from "./audit.js";

/**
 * Revoke an admin token, with its audit entry. The last live admin token is never revoked (LAST_ADMIN_TOKEN):
 * the vendor would be locked out of their own server, with only `ninsho admin recover-token` on the server
 * machine as a way back. Revoking a token already revoked answers it as it is.
 * @example
 * await revokeToken(deps, "tok_…", { actor: "token:tok_…", reason: "laptop lost" });
 */
export async function revokeToken(
  deps: ServerDeps,
  id: string,
  by: { readonly actor: string; readonly reason?: string },
): Promise<Result<AdminToken>> {
  const at = deps.clock().toISOString();
  return deps.store.transaction(async (tx): Promise<Result<AdminToken>> => {
    // The guard first, then the reads: a revocation at the same moment waits here and counts after this one.
    await tx.tokens.guardRevocations();
    const token = await tx.tokens.findById(id);
    if (!token) return fail("TOKEN_NOT_FOUND", { tokenId: id });
    if (token.revokedAt !== undefined) return ok(token);
    if (token.role === "admin") {
      const liveAdmins = (await tx.tokens.list()).filter(
        (t) => t.role === "admin" && t.revokedAt === undefined,
      );
      if (liveAdmins.length <= 1) return fail("LAST_ADMIN_TOKEN", { tokenId: id });
    }
    await tx.tokens.revoke(id, at);
    await recordAudit(tx, {
      type: "token.revoked",
      actor: by.actor,
      target: id,
      ...(by.reason === undefined ? {} : { reason: by.reason }),
      data: { name: token.name, role: token.role },
      at,
    });
    return ok({ ...token, revokedAt: at });
  });
}
