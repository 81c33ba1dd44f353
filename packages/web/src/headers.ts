import type { MiddlewareHandler } from "hono";

/**
 * The pages run only their own bundled script and stylesheet: no inline script or style, no other origin, no
 * framing. `connect-src 'self'` is the API on this same server.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * Headers of every page and asset. Pages are `no-store`: the console shows licenses and the phone page a
 * confirmation ID, neither of which belongs in a shared cache or the back-forward history of a kiosk.
 */
export const pageHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header("content-security-policy", CONTENT_SECURITY_POLICY);
  c.header("x-content-type-options", "nosniff");
  c.header("referrer-policy", "no-referrer");
  c.header("x-frame-options", "DENY");
  c.header("cross-origin-opener-policy", "same-origin");
  if (!c.res.headers.has("cache-control")) c.header("cache-control", "no-store");
};
