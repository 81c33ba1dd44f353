import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { setAdminToken } from "./admin/routes.js";
import { createRelayApp } from "./app.js";
import type { RelayContext } from "./context.js";

/** A relay listening on a port. */
export interface RunningRelay {
  readonly url: string;
  readonly port: number;
  /** The admin token for this run: shown once, kept only as its digest. */
  readonly adminToken: string;
  close(): Promise<void>;
}

/**
 * Listen on `port` (0: any free one) at `host` (default all interfaces: the relay serves a network) and
 * make a new admin token.
 * @example
 * const relay = await startRelay(ctx, { port: 8787 });
 * console.log(relay.url, relay.adminToken);
 */
export function startRelay(
  ctx: RelayContext,
  options: { readonly port: number; readonly host?: string },
): Promise<RunningRelay> {
  const app = createRelayApp(ctx);
  const adminToken = setAdminToken(ctx);
  const host = options.host ?? "0.0.0.0";
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: host }, (info: AddressInfo) => {
      const shown = host === "0.0.0.0" ? "127.0.0.1" : host;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        adminToken,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => {
              ctx.db.close();
              done();
            });
          }),
      });
    });
    server.once("error", reject);
  });
}
