import { z } from "@hono/zod-openapi";
import { errorCodes } from "@ninsho/core";

/** Every error answer. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z
        .enum(errorCodes)
        .openapi({ description: "Stable code from the closed catalogue; never renamed." }),
      message: z
        .string()
        .openapi({ description: "What went wrong, in the language of Accept-Language (en or ja)." }),
      remedy: z.string().openapi({ description: "What to do next." }),
      docs: z.string().openapi({ description: "Where the code is documented on this server." }),
      details: z
        .unknown()
        .optional()
        .openapi({ description: "Facts to act on, e.g. the devices of a full license." }),
    }),
  })
  .openapi("Error");

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

export const IsoInstant = z.string().openapi({ format: "date-time", example: "2026-11-21T09:00:00.000Z" });

export const SignatureSchema = z
  .object({
    alg: z.literal("EdDSA"),
    kid: z.string().openapi({ description: "Product signing key id, as in /.well-known/jwks.json" }),
    proof: z
      .array(z.string())
      .openapi({ description: "Merkle path from this answer's leaf to the signed root" }),
    sig: z.string().openapi({ description: "Ed25519 signature of the root, base64url" }),
  })
  .openapi("ResponseSignature", {
    description:
      'Signature over the answer: leaf = SHA-256(0x00 ‖ RFC 8785 JSON of the answer without `signature`); each proof step `l.`/`r.` + sibling gives SHA-256(0x01 ‖ left ‖ right); Ed25519 over "ninsho.response.v1\\n" ‖ root.',
  });

/** A lone UTF-16 surrogate: JSON can carry one, but RFC 8785 (and so a signed answer) cannot. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Free text that a signed answer may echo (a device name, a collector): well-formed Unicode only, so that a
 * request can never make its own answer unsignable.
 */
export const SignableText = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((text) => !LONE_SURROGATE.test(text), { message: "must be well-formed Unicode text" });
