import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { type License, licenseState, type Role } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import { requireRole } from "../../security/adminAuth.js";

/**
 * An admin route: bearer-token auth with the role it needs, stated once, in the route itself, and in its
 * OpenAPI description. There is no way to declare an admin route without a role.
 */
export const adminRoute = <R extends Omit<RouteConfig, "middleware" | "security">>(
  deps: ServerDeps,
  role: Role,
  config: R,
) =>
  createRoute({
    ...config,
    tags: ["admin"],
    security: [{ adminToken: [] }],
    description: `${config.description ?? ""} Requires role: ${role} (or higher).`.trim(),
    middleware: [requireRole(deps, role)] as const,
  });

/** A license as an admin sees it. */
export const adminLicenseView = (license: License, now: Date) => ({
  ...license,
  state: licenseState(license, now),
});

/** `principal` as the actor string of the timeline. */
export const tokenActor = (tokenId: string) => `token:${tokenId}`;
