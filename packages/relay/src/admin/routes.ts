import { createHash, randomBytes } from "node:crypto";
import { sameBytes } from "@ninsho/core";
import type { Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { RelayContext } from "../context.js";
import type { DeviceRow } from "../db.js";
import { localeOf, respondProblem } from "../http.js";
import { relayUsage, usageReportFile } from "../report.js";
import { dashboardPage, signInPage } from "./page.js";

const COOKIE = "ninsho_relay_admin";

const digest = (token: string) => createHash("sha256").update(token).digest();

/**
 * A new admin token for the relay: printed once at start, kept only as its SHA-256 (a stolen database or backup
 * cannot sign in), and replacing the one before.
 * @example
 * console.log(`admin token: ${setAdminToken(ctx)}`);
 */
export function setAdminToken(ctx: RelayContext): string {
  const token = `nsh_relay_${randomBytes(24).toString("base64url")}`;
  ctx.db
    .prepare(
      "INSERT INTO admin (id, token_digest) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET token_digest = ?",
    )
    .run(digest(token).toString("hex"), digest(token).toString("hex"));
  return token;
}

function tokenHolds(ctx: RelayContext, token: string | undefined): boolean {
  if (token === undefined) return false;
  const stored = ctx.db.prepare("SELECT token_digest FROM admin WHERE id = 1").get() as
    | { token_digest: string }
    | undefined;
  if (!stored) return false;
  return sameBytes(Buffer.from(stored.token_digest, "hex"), digest(token));
}

/**
 * The admin page at /admin (status, clients, grant, usage; English and Japanese) behind the relay's admin
 * token, held in an HttpOnly, same-site cookie once given to the sign-in form; and the signed usage report.
 * @example
 * registerAdminPage(app, ctx);
 */
export function registerAdminPage(app: Hono, ctx: RelayContext): void {
  app.get("/admin", (c) => {
    const locale = localeOf(c);
    if (!tokenHolds(ctx, getCookie(c, COOKIE))) return c.html(signInPage(locale, false));
    const devices = ctx.db
      .prepare("SELECT * FROM devices WHERE grant_id = ? ORDER BY status, slot")
      .all(ctx.grant.jti) as DeviceRow[];
    return c.html(
      dashboardPage(locale, { grant: ctx.grant, usage: relayUsage(ctx), devices, now: ctx.clock() }),
    );
  });
  app.post("/admin/sign-in", async (c) => {
    const locale = localeOf(c);
    const form = await c.req.parseBody();
    const token = typeof form.token === "string" ? form.token : undefined;
    if (!tokenHolds(ctx, token)) return c.html(signInPage(locale, true), 401);
    setCookie(c, COOKIE, token ?? "", { httpOnly: true, sameSite: "Strict", path: "/admin" });
    return c.redirect(`/admin?lang=${locale}`, 303);
  });
  app.get("/admin/usage-report", (c) => {
    if (!tokenHolds(ctx, getCookie(c, COOKIE) ?? bearer(c.req.header("authorization"))))
      return respondProblem(c, { code: "UNAUTHENTICATED" });
    c.header("content-disposition", `attachment; filename="${ctx.grant.jti}-usage.json"`);
    return c.json(usageReportFile(ctx));
  });
}

const bearer = (header: string | undefined) =>
  header?.startsWith("Bearer ") ? header.slice("Bearer ".length) : undefined;
