import { fail, ok, type Result } from "@ninsho/core";
import type { SupportRequestRecord } from "@ninsho/store";
import type { ServerDeps } from "../../deps.js";
import { recordAudit } from "./audit.js";

/**
 * Close a support request once support has acted (granted a transfer, moved the license, answered the owner),
 * with the reason in the audit log (target: the request; the license named in its data). A request closed
 * already is answered as it is, with no second entry: two people closing it at once leave one.
 * @example
 * await resolveSupportRequest(deps, "sup_…", { actor: "token:tok_…", reason: "moved by support after a repair" });
 */
export async function resolveSupportRequest(
  deps: ServerDeps,
  id: string,
  by: { readonly actor: string; readonly reason: string },
): Promise<Result<SupportRequestRecord>> {
  const at = deps.clock().toISOString();
  return deps.store.transaction(async (tx): Promise<Result<SupportRequestRecord>> => {
    const request = await tx.supportRequests.findById(id);
    if (!request) return fail("SUPPORT_REQUEST_NOT_FOUND", { requestId: id });
    // The update is the check: of two closings at once only one changes the row and writes the entry.
    if (!(await tx.supportRequests.close(id))) return ok({ ...request, status: "closed" });
    const data = { licenseId: request.licenseId, kind: request.kind };
    await recordAudit(tx, { type: "support_request.resolved", ...by, target: id, data, at });
    return ok({ ...request, status: "closed" });
  });
}
