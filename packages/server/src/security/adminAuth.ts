import { type Role, roleAllows, tokenDigest } from "@ninsho/core";
import type { MiddlewareHandler } from "hono";
import type { ServerDeps } from "../deps.js";
import type { AppEnv } from "../http/env.js";
import { NinshoError } from "../http/problem.js";

/** Admin tokens look like `nsh_admin_<43 base64url chars>`; the prefix lets secret scanners find leaked ones. */
export const ADMIN_TOKEN_PREFIX = "nsh_admin_";

/**
 * Require a bearer admin token with at least `required`'s rights. Tokens are looked up by digest, never
 * stored or logged in the clear. Every admin route names its role: there is no route without this check.
 */
export function requireRole(deps: ServerDeps, required: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match?.[1];
    if (!token?.startsWith(ADMIN_TOKEN_PREFIX)) throw new NinshoError({ code: "UNAUTHENTICATED" });
    const found = await deps.store.tokens.findByDigest(tokenDigest(token));
    if (!found || found.revokedAt !== undefined) throw new NinshoError({ code: "UNAUTHENTICATED" });
    if (!roleAllows(found.role, required)) {
      throw new NinshoError({ code: "FORBIDDEN", params: { role: found.role, required } });
    }
    c.set("principal", { tokenId: found.id, role: found.role });
    noteUse(deps, found.id);
    await next();
  };
}

/** Last-used times are for people ("is this token still in use?"): minute precision, never a write per call. */
const TOUCH_INTERVAL_MS = 60_000;
const lastTouched = new Map<string, number>();

function noteUse(deps: ServerDeps, tokenId: string): void {
  const now = deps.clock();
  if (now.getTime() - (lastTouched.get(tokenId) ?? 0) < TOUCH_INTERVAL_MS) return;
  lastTouched.set(tokenId, now.getTime());
  deps.store.tokens.touch(tokenId, now.toISOString()).catch((error: unknown) => {
    deps.logger.warn({ err: error, tokenId }, "could not record a token's last use");
  });
}
