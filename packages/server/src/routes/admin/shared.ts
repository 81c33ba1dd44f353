import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { type Device, type License, licenseState, type Role } from "@ninsho/core";
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

/**
 * A license as an admin sees it: of its binding only the component kind (the digests are the hardware's
 * stand-ins, shown to no role here).
 */
export function adminLicenseView(license: License, now: Date) {
  const { boundComponent, entitlementChanges, ...rest } = license;
  return {
    ...rest,
    state: licenseState(license, now),
    ...(boundComponent === undefined ? {} : { boundComponent: { kind: boundComponent.kind } }),
    ...(entitlementChanges === undefined
      ? {}
      : { entitlementChanges: { add: [...entitlementChanges.add], remove: [...entitlementChanges.remove] } }),
  };
}

/**
 * A device as an admin API answer shows it: never its lease bookkeeping nor its device secret (sealed, yet what
 * makes its proofs: no token of any role needs it), and its component digests (keyed, yet still the hardware's
 * stand-ins) only to the admin role; support and readonly tokens see the kinds alone.
 * @example
 * return c.json(deviceView(device, c.get("principal").role), 200);
 */
export function deviceView(device: Device, role: Role) {
  const {
    leaseCounters: _c,
    leaseIssuedAt: _i,
    fingerprintDigest: _f,
    deviceSecret: _s,
    leaseDigest: _d,
    ...shown
  } = device;
  if (role === "admin") return shown;
  return { ...shown, components: device.components.map(({ kind }) => ({ kind })) };
}

/** `principal` as the actor string of the timeline. */
export const tokenActor = (tokenId: string) => `token:${tokenId}`;
