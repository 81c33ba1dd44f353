import { z } from "@hono/zod-openapi";
import { ErrorSchema } from "@ninsho/contract";

/*
 * How a route states its requests and answers in the OpenAPI document. The schemas themselves live in
 * `@ninsho/contract`, shared with the SDK, the CLI and the web pages.
 */

const errorResponse = {
  description: "An error with a stable code",
  content: { "application/json": { schema: ErrorSchema } },
};

/**
 * The error answers a route may give, for its OpenAPI description: the statuses it names, and `default` so a
 * handler may answer any problem of the catalogue with the one error shape.
 */
export const errorResponses = <S extends number>(...statuses: S[]) =>
  Object.fromEntries([
    ...statuses.map((status) => [status, errorResponse]),
    ["default", errorResponse],
  ]) as Record<S | "default", typeof errorResponse>;

export const jsonBody = <T extends z.ZodType>(schema: T, description: string) => ({
  required: true,
  description,
  content: { "application/json": { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** The `{id}` path parameter of an admin route, with an example of its prefix. */
export const IdParam = (name: string) =>
  z.object({
    id: z
      .string()
      .min(1)
      .max(64)
      .openapi({ param: { name: "id", in: "path" }, example: `${name}_01J…` }),
  });
