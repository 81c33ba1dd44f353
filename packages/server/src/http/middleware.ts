import { randomUUID } from "node:crypto";
import type { Locale } from "@ninsho/core";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { languageDetector } from "hono/language";
import type { AppEnv } from "./env.js";
import { NinshoError } from "./problem.js";

/** Largest JSON body a route accepts unless it says otherwise. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** Request id for logs and the INTERNAL_ERROR reference; a caller's own id is kept if it looks sane. */
export const requestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const given = c.req.header("x-request-id");
  const id = given && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
  c.set("requestId", id);
  c.header("x-request-id", id);
  await next();
};

const detectLanguage = languageDetector({
  order: ["querystring", "header"],
  lookupQueryString: "lang",
  supportedLanguages: ["en", "ja"],
  fallbackLanguage: "en",
  caches: false,
  convertDetectedLanguage: (lang) => lang.split("-")[0] ?? lang,
});

/** English or Japanese, from `?lang=` or Accept-Language. */
export const locale: MiddlewareHandler<AppEnv> = async (c, next) =>
  detectLanguage(c, async () => {
    c.set("locale", (c.get("language") === "ja" ? "ja" : "en") satisfies Locale);
    await next();
  });

/**
 * Refuse bodies over `limit` bytes before reading them whole. A request that states its Content-Length (and
 * no Transfer-Encoding) is judged by it: Node's HTTP parser delivers exactly that many bytes as the body, so
 * it cannot be larger. Only a streamed body (chunked) is counted as it arrives, by Hono's `bodyLimit`, which
 * needs the full web `Request` and its stream; a sized body is then read once, directly, by the route.
 */
export const limitBody = (limit: number = DEFAULT_BODY_LIMIT): MiddlewareHandler<AppEnv> => {
  const tooLarge = () => {
    throw new NinshoError({ code: "BODY_TOO_LARGE", params: { limit } });
  };
  const streamed = bodyLimit({ maxSize: limit, onError: tooLarge });
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const length = c.req.header("content-length");
    if (length !== undefined && /^\d+$/.test(length) && c.req.header("transfer-encoding") === undefined) {
      if (Number(length) > limit) tooLarge();
      return next();
    }
    return streamed(c, next);
  };
};

/** API writes take JSON only; anything else is refused with 415 rather than read as an empty object. */
export const requireJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (["POST", "PUT", "PATCH"].includes(c.req.method)) {
    const type = c.req.header("content-type") ?? "";
    if (!/^application\/json\b/i.test(type)) throw new NinshoError({ code: "UNSUPPORTED_MEDIA_TYPE" });
  }
  await next();
};
