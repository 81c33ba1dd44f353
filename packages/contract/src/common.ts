import { errorCodes, retiredErrorCodes } from "@ninsho/core";
import * as z from "zod";

/**
 * Retired codes stay in the enum, so a client generated from this document that switches on one still
 * compiles, and one checking an older server's answers against it still accepts them; the description says
 * which they are (OpenAPI has no way to deprecate one value of an enum).
 */
const retired = Object.entries(retiredErrorCodes).map(
  ([code, successor]) => `${code} (replaced by ${successor})`,
);
const CODE_DESCRIPTION = `Stable code from the closed catalogue; never renamed or removed. Retired codes, which no current server answers but which stay for the clients that switch on them: ${retired.join(", ")}.`;

/**
 * The body of every error answer: a code of the closed catalogue, its words in the asked language, and where
 * it is documented.
 *
 * @example
 * const parsed = ErrorSchema.safeParse(await response.json());
 * if (parsed.success) console.log(parsed.data.error.code); // "KEY_NOT_FOUND"
 */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes).meta({ description: CODE_DESCRIPTION }),
      message: z
        .string()
        .meta({ description: "What went wrong, in the language of Accept-Language (en or ja)." }),
      remedy: z.string().meta({ description: "What to do next." }),
      docs: z.string().meta({ description: "Where the code is documented on this server." }),
      details: z
        .unknown()
        .optional()
        .meta({ description: "Facts to act on, e.g. the devices of a full license." }),
    }),
  })
  .meta({ id: "Error" });

/**
 * The body of an error answer.
 *
 * @example
 * const body: ErrorBody = { error: { code: "KEY_NOT_FOUND", message: "…", remedy: "…", docs: "/docs/errors#KEY_NOT_FOUND" } };
 */
export type ErrorBody = z.infer<typeof ErrorSchema>;

/**
 * An error answer's `error` object.
 *
 * @example
 * const problem: ApiError = { code: "KEY_NOT_FOUND", message: "…", remedy: "…", docs: "/docs/errors#KEY_NOT_FOUND" };
 */
export type ApiError = z.infer<typeof ErrorSchema>["error"];

/**
 * The error of an error answer, or `undefined` when the body is not one (a proxy's page, another service, a
 * code this version does not know). The one reader of error bodies, for the SDK, the CLI and the web pages.
 *
 * @example
 * const error = readError(await response.json());
 * if (error) console.log(error.code, error.remedy);
 */
export function readError(body: unknown): ApiError | undefined {
  return readAs(ErrorSchema, body)?.error;
}

/**
 * An instant as the API writes it: ISO 8601 in UTC.
 *
 * @example
 * IsoInstant.parse("2026-11-21T09:00:00.000Z");
 */
export const IsoInstant = z.string().meta({ format: "date-time", example: "2026-11-21T09:00:00.000Z" });

/**
 * The signature of a signed answer; the format is specified in docs/signed-answers.md.
 *
 * @example
 * SignatureSchema.parse({ alg: "EdDSA", kid: "k1", proof: [], sig: "…" });
 */
export const SignatureSchema = z
  .object({
    alg: z.literal("EdDSA"),
    kid: z.string().meta({ description: "Product signing key id, as in /.well-known/jwks.json" }),
    proof: z
      .array(z.string())
      .meta({ description: "Merkle path from this answer's leaf to the signed root" }),
    sig: z.string().meta({ description: "Ed25519 signature of the root, base64url" }),
  })
  .meta({
    id: "ResponseSignature",
    description:
      'Signature over the answer: leaf = SHA-256(0x00 ‖ RFC 8785 JSON of the answer without `signature`); each proof step `l.`/`r.` + sibling gives SHA-256(0x01 ‖ left ‖ right); Ed25519 over "ninsho.response.v1\\n" ‖ root.',
  });

/** A lone UTF-16 surrogate: JSON can carry one, but RFC 8785 (and so a signed answer) cannot. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Free text that a signed answer may echo (a device name, a collector): well-formed Unicode only, so that a
 * request can never make its own answer unsignable.
 *
 * @example
 * SignableText(1, 128).parse("Aiko's laptop");
 */
export const SignableText = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((text) => !LONE_SURROGATE.test(text), { message: "must be well-formed Unicode text" });

/** The fields every signed answer ends with. */
export const SignedFields = { serverTime: IsoInstant, signature: SignatureSchema };

/**
 * A schema of the contract whose parsed value is `T`, for code that takes one without importing zod.
 *
 * @example
 * const schema: Schema<Whoami> = WhoamiSchema;
 */
export type Schema<T> = z.ZodType<T>;

/**
 * A body checked against a schema of the contract: its typed value, or `undefined` when it does not match.
 *
 * @example
 * const validation = readAs(ValidationSchema, body);
 * if (validation && !validation.valid) console.log(validation.problem?.code);
 */
export function readAs<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> | undefined {
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}
