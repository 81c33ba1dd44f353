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
  // `*` (what Node's fetch sends by default) prefers nothing, like no header at all.
  const ranges = (c.req.header("accept-language") ?? "")
    .split(",")
    .map((range) => range.split(";")[0]?.trim());
  return {
    locale: c.get("locale"),
    chosen: ranges.some((range) => range !== undefined && range !== "" && range !== "*"),
  };
}
