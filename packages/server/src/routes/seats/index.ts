import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { registerSeatCheckOut } from "./checkOut.js";
import { registerSeatHeartbeat } from "./heartbeat.js";
import { registerSeatRelease } from "./release.js";

/** Routes of floating seats and workloads: the key checks a seat out, the seat's secret keeps and returns it. */
export function registerSeatRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  registerSeatCheckOut(app, deps);
  registerSeatHeartbeat(app, deps);
  registerSeatRelease(app, deps);
}
