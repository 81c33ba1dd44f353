import { tokenExpiry } from "@ninsho/core";
import type { AccountRecord, Repositories } from "@ninsho/store";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { ServerDeps } from "../deps.js";
import type { AppEnv } from "../http/env.js";
import { NinshoError } from "../http/problem.js";
import { newAccountToken, tokenDigest } from "./secrets.js";

/** The session cookie's name. */
export const SESSION_COOKIE = "ninsho_session";

/** Whether cookies get `Secure`: the request came over TLS, or users reach the server at an https URL. */
const overTls = (deps: ServerDeps, c: Context<AppEnv>): boolean =>
  new URL(c.req.url).protocol === "https:" || new URL(deps.accounts.publicUrl).protocol === "https:";

/**
 * Start a session for an account and set its cookie. A new random token every time (never one the client
 * brought), and the session the request came with, if any, is ended: whoever planted a cookie in the browser
 * before the sign-in holds nothing after it (no session fixation).
 * @example
 * await startSession(deps, c, tx, account.id);
 */
export async function startSession(
  deps: ServerDeps,
  c: Context<AppEnv>,
  tx: Repositories,
  accountId: string,
): Promise<void> {
  const now = deps.clock();
  const previous = getCookie(c, SESSION_COOKIE);
  if (previous !== undefined) await tx.accountTokens.deleteSession(tokenDigest(previous));
  const token = newAccountToken();
  const expiresAt = tokenExpiry("session", now) ?? now.toISOString();
  await tx.accountTokens.insertSession({
    digest: tokenDigest(token),
    accountId,
    createdAt: now.toISOString(),
    expiresAt,
  });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: overTls(deps, c),
    sameSite: "Lax",
    path: "/",
    expires: new Date(expiresAt),
  });
}

/**
 * End the request's session, if any, and clear its cookie.
 * @example
 * await endSession(deps, c);
 */
export async function endSession(deps: ServerDeps, c: Context<AppEnv>): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token !== undefined) await deps.store.accountTokens.deleteSession(tokenDigest(token));
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: overTls(deps, c), httpOnly: true, sameSite: "Lax" });
}

/**
 * Account routes: a live session is required (SIGN_IN_REQUIRED otherwise), found by the digest of the cookie's
 * token; the account is put on the context.
 */
export function requireSession(deps: ServerDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const account = await sessionAccount(deps, c);
    if (!account) throw new NinshoError({ code: "SIGN_IN_REQUIRED" });
    await next();
  };
}

/**
 * The account of the request's session cookie (also put on the context), or `undefined` without a cookie. A
 * cookie that names no live session is SIGN_IN_REQUIRED: a route that takes a session or another proof (a
 * transfer) must not quietly fall back to the other when the session has ended.
 * @example
 * const account = await sessionAccount(deps, c); // undefined: no cookie
 */
export async function sessionAccount(
  deps: ServerDeps,
  c: Context<AppEnv>,
): Promise<AccountRecord | undefined> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token === undefined) return undefined;
  if (token.length > 128) throw new NinshoError({ code: "SIGN_IN_REQUIRED" });
  const digest = tokenDigest(token);
  const session = await deps.store.accountTokens.findSession(digest);
  if (!session || Date.parse(session.expiresAt) <= deps.clock().getTime())
    throw new NinshoError({ code: "SIGN_IN_REQUIRED" });
  const account = await deps.store.accounts.findById(session.accountId);
  if (!account) throw new NinshoError({ code: "SIGN_IN_REQUIRED" });
  c.set("account", account);
  c.set("sessionDigest", digest);
  return account;
}

/**
 * CSRF defence of the account routes, for the web and scripted clients alike. A request that changes something
 * and carries a session cookie is accepted only when its `Origin` is this server's own (its public URL, or the
 * origin the request was sent to); a foreign `Origin` is refused with or without a cookie. `SameSite=Lax` already
 * keeps the cookie off cross-site posts; this also covers same-site neighbours (another subdomain) and old
 * browsers.
 */
export function sameOrigin(deps: ServerDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const origin = c.req.header("origin");
    const hasSession = getCookie(c, SESSION_COOKIE) !== undefined;
    if (origin === undefined && !hasSession) return next();
    const own = new Set([new URL(deps.accounts.publicUrl).origin, new URL(c.req.url).origin]);
    if (origin === undefined || !own.has(origin)) {
      throw new NinshoError({
        code: "CROSS_ORIGIN_REFUSED",
        params: { origin: origin ?? "—", expected: new URL(deps.accounts.publicUrl).origin },
      });
    }
    await next();
  };
}
