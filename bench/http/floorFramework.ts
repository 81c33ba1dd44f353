/**
 * The framework floor: a bare Hono POST route on @hono/node-server (what the server is built on), in its own
 * process, that parses the JSON body and answers a small object; no middleware. Prints one JSON line.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono();
app.post("/_bench/floor", async (c) => {
  await c.req.json();
  return c.json({ ok: true });
});
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, adminToken: "" })}\n`);
});
process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
});
