import type { Locale } from "@ninsho/core";
import type { AppEnv } from "@ninsho/server";
import type { Context } from "hono";

export interface PageLocale {
  readonly locale: Locale;
  /**
   * False when neither `?lang=` nor Accept-Language said anything: the page's script then follows
   * `navigator.language` instead of the English default.
   */
  readonly chosen: boolean;
}

/**
 * The page's language: `?lang=ja|en`, else Accept-Language (the server's locale middleware read both).
 * @example
 * pageLocale(c); // { locale: "ja", chosen: true } for /activate/phone?lang=ja
 */
export function pageLocale(c: Context<AppEnv>): PageLocale {
  const asked = c.req.query("lang");
  if (asked === "en" || asked === "ja") return { locale: asked, chosen: true };
  const header = c.req.header("accept-language")?.trim() ?? "";
  return { locale: c.get("locale"), chosen: header !== "" };
}
