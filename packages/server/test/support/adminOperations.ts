/**
 * The admin operations of the OpenAPI document with the role each one states, for the role tests (happy,
 * error and security) that walk every admin route.
 */
import { type Role, roles } from "@ninsho/core";

export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly role: Role;
  readonly security: unknown;
}

export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, { description?: string; security?: unknown }>>;
}

export const rank: Record<Role, number> = { readonly: 0, support: 1, admin: 2 };

/** Every admin operation of the OpenAPI document, with the role its description states. */
export function adminOperations(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith("/v1/admin")) continue;
    for (const [method, operation] of Object.entries(methods)) {
      const role = /Requires role: (\w+)/.exec(operation.description ?? "")?.[1];
      if (!roles.includes(role as Role)) throw new Error(`${method} ${path} states no role`);
      operations.push({
        method: method.toUpperCase(),
        path,
        role: role as Role,
        security: operation.security,
      });
    }
  }
  return operations;
}

/** A concrete URL for an OpenAPI path: path parameters get an id that exists nowhere. */
export const concrete = (path: string) => path.replace(/\{[^}]+\}/g, "x_01JNOWHERE");
