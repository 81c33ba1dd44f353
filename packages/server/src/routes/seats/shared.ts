import { z } from "@hono/zod-openapi";

/** The `{id}` of a seat route. */
export const SeatIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" }, example: "seat_01J…" }),
});

/** The seat's secret, as its holder presents it. */
export const SeatSecretHeader = z.object({
  authorization: z
    .string()
    .max(8192)
    .optional()
    .openapi({
      param: { name: "authorization", in: "header" },
      description: "Bearer <the seat's secret from its check-out>",
      example: "Bearer 3q2-7w…",
    }),
});
