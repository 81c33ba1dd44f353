import { OpenAPIHono } from "@hono/zod-openapi";
import type { ServerDeps } from "./deps.js";
import { DEFAULT_ADDRESS_GROUPING } from "./http/addressGroup.js";
import { clientAddress } from "./http/clientAddress.js";
import type { AppEnv } from "./http/env.js";
import { notFound, onError } from "./http/errors.js";
import { limitBody, locale, requestId, requireJson } from "./http/middleware.js";
import type { LoadShedder } from "./http/overload.js";
import { type TrustProxy, trustProxyProblem } from "./http/trustProxy.js";
import { validationHook } from "./http/validation.js";
import { registerAccountRoutes } from "./routes/account/index.js";
import { registerAdminRoutes } from "./routes/admin/index.js";
import { registerBillingRoutes } from "./routes/billing/index.js";
import { registerDocs } from "./routes/docs.js";
import { registerPublicRoutes } from "./routes/public/index.js";
import { registerSeatRoutes } from "./routes/seats/index.js";

/**
 * Adds routes to the app from outside the server package (the web pages of @ninsho/web), so the server never
 * imports what plugs into it.
 */
export type AppExtension = (app: OpenAPIHono<AppEnv>, deps: ServerDeps) => void;

/** How the app behaves, apart from what it depends on. */
export interface AppOptions {
  /**
   * The proxies of yours in front of the server, whose X-Forwarded-For says who the client is: how many (e.g.
   * `1`), or their addresses and CIDR ranges (e.g. `["10.0.0.0/8"]`). Default `0`: none, the socket's peer is
   * the client. See `TrustProxy`.
   */
  readonly trustProxy?: TrustProxy;
  /** Leading bits of an IPv6 address that count as one client for the rate limits (default 64). */
  readonly ipv6Prefix?: number;
  /** Add `POST /_bench/floor`, a route that parses JSON and does nothing else: the bench's baseline. */
  readonly floorRoute?: boolean;
  /** Refuse API requests with 503 SERVER_BUSY beyond saturation (see `LoadShedder`); none when absent. */
  readonly overload?: LoadShedder;
  /** Registrars run after the API's routes, in order (e.g. `registerWeb` from @ninsho/web). */
  readonly extensions?: readonly AppExtension[];
}

/**
 * Build the HTTP app on its dependencies. No socket is opened here (see `serve.ts`), so tests drive it with
 * `app.request()`.
 * @example
 * const app = createApp(deps);
 * const res = await app.request("/healthz");
 */
export function createApp(deps: ServerDeps, options: AppOptions = {}): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const trustProxy = options.trustProxy ?? 0;
  const trustProblem = trustProxyProblem(trustProxy);
  if (trustProblem !== undefined) throw new TypeError(trustProblem);
  const grouping = { ipv6Prefix: options.ipv6Prefix ?? DEFAULT_ADDRESS_GROUPING.ipv6Prefix };
  app.use("*", requestId, locale, clientAddress({ trustProxy, grouping }));
  // Before anything reads the body: a refused request costs next to nothing.
  if (options.overload) app.use("/v1/*", options.overload.middleware);
  app.use("/v1/*", requireJson);
  app.use("/v1/*", limitBody());
  app.onError(onError(deps.logger));
  app.notFound(notFound);

  if (options.floorRoute) {
    app.use("/_bench/*", requireJson, limitBody());
    app.post("/_bench/floor", async (c) => {
      await c.req.json();
      return c.json({ ok: true });
    });
  }
  registerPublicRoutes(app, deps);
  registerSeatRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerAccountRoutes(app, deps);
  registerBillingRoutes(app, deps);
  // Extensions first: the first route registered for a path answers it, so the web's styled /docs/errors
  // takes the place of the plain one, which stays for a server without the web pages.
  for (const extend of options.extensions ?? []) extend(app, deps);
  registerDocs(app);
  return app;
}
