import * as z from "zod";
import { IsoInstant } from "./common.js";
import { ProductKeyInput } from "./device.js";

/*
 * End-user accounts (issue 13): sign-up, sign-in with an optional second factor, email verification, password
 * reset, and the licenses of the signed-in account. Sessions travel in an HTTP-only cookie, never in a body.
 */

const Email = z.email().max(320).meta({ example: "aiko@example.jp" });
/** Checked against the password policy by the server (PASSWORD_TOO_WEAK); the schema only bounds the body. */
const Password = z
  .string()
  .min(1)
  .max(1024)
  .meta({ description: "At least 10 characters; see PASSWORD_TOO_WEAK" });
const Language = z.enum(["en", "ja"]);
/** A one-time token from a mailed link (the part after `#token=`). */
const LinkToken = z.string().min(16).max(128).meta({ description: "The token of a mailed link" });

/**
 * The body of `POST /v1/accounts`: the answer is the same whether the email had an account or not.
 *
 * @example
 * SignUpRequestSchema.parse({ email: "aiko@example.jp", password: "correct horse battery" });
 */
export const SignUpRequestSchema = z
  .object({
    email: Email,
    password: Password,
    language: Language.optional().meta({
      description: "Language of the account's mails (default: Accept-Language)",
    }),
  })
  .strict()
  .meta({ id: "SignUpRequest" });

/**
 * What `POST /v1/accounts` and `POST /v1/password-resets` answer, for known and unknown emails alike.
 *
 * @example
 * MailSentSchema.parse({ status: "mail_sent", email: "aiko@example.jp" });
 */
export const MailSentSchema = z
  .object({
    status: z.literal("mail_sent"),
    email: Email.meta({ description: "Where the mail went, if an account needs one" }),
  })
  .meta({ id: "MailSent" });

/**
 * An account as its owner sees it.
 *
 * @example
 * const account: Account = AccountSchema.parse(body.account);
 */
export const AccountSchema = z
  .object({
    id: z.string(),
    email: Email,
    language: Language,
    emailVerified: z.boolean(),
    totp: z.boolean().meta({ description: "Two-step sign-in (TOTP) is on" }),
    createdAt: IsoInstant,
  })
  .meta({ id: "Account" });

/**
 * The body of `POST /v1/sessions`.
 *
 * @example
 * SignInRequestSchema.parse({ email: "aiko@example.jp", password: "correct horse battery" });
 */
export const SignInRequestSchema = z
  .object({ email: Email, password: z.string().min(1).max(1024) })
  .strict()
  .meta({ id: "SignInRequest" });

/**
 * What a sign-in answers: signed in (the session is in the Set-Cookie header), or a second step to take with a
 * code from the authenticator app (`POST /v1/sessions/totp`).
 *
 * @example
 * const answer = SignInSchema.parse(body);
 * if (answer.status === "totp_required") askForCode(answer.challenge);
 */
export const SignInSchema = z
  .discriminatedUnion("status", [
    z.object({ status: z.literal("signed_in"), account: AccountSchema }),
    z.object({
      status: z.literal("totp_required"),
      challenge: z.string().meta({ description: "Send it back with the code, within 5 minutes" }),
      expiresAt: IsoInstant,
    }),
  ])
  .meta({ id: "SignIn" });

/**
 * The body of `POST /v1/sessions/totp`: the challenge and a current code, or an unused recovery code.
 *
 * @example
 * TotpSignInRequestSchema.parse({ challenge, code: "123456" });
 */
export const TotpSignInRequestSchema = z
  .object({
    challenge: z.string().min(16).max(128),
    code: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    recoveryCode: z.string().min(1).max(64).optional(),
  })
  .strict()
  .refine((body) => (body.code === undefined) !== (body.recoveryCode === undefined), {
    message: "send either code or recoveryCode",
  })
  .meta({ id: "TotpSignInRequest" });

/**
 * The body of `POST /v1/accounts/verify`: the token of the verification link.
 *
 * @example
 * LinkTokenRequestSchema.parse({ token });
 */
export const LinkTokenRequestSchema = z
  .object({ token: LinkToken })
  .strict()
  .meta({ id: "LinkTokenRequest" });

/**
 * The body of `POST /v1/password-resets`.
 *
 * @example
 * ResetRequestSchema.parse({ email: "aiko@example.jp" });
 */
export const ResetRequestSchema = z.object({ email: Email }).strict().meta({ id: "ResetRequest" });

/**
 * The body of `POST /v1/password-resets/confirm`: the token of the reset link and the new password.
 *
 * @example
 * ResetConfirmSchema.parse({ token, password: "a new long passphrase" });
 */
export const ResetConfirmSchema = z
  .object({ token: LinkToken, password: Password })
  .strict()
  .meta({ id: "ResetConfirm" });

/**
 * What `POST /v1/me/totp` answers: the secret to put in an authenticator app (as text and as an otpauth URI
 * for a QR code). It takes effect once confirmed with a code.
 *
 * @example
 * const { uri } = TotpSetupSchema.parse(body);
 */
export const TotpSetupSchema = z
  .object({
    secret: z.string().meta({ description: "Base32, for typing into the app" }),
    uri: z.string().meta({ description: "otpauth://totp/… for a QR code" }),
  })
  .meta({ id: "TotpSetup" });

/**
 * The body of `POST /v1/me/totp/confirm` and `DELETE /v1/me/totp` (a current code from the app).
 *
 * @example
 * TotpCodeSchema.parse({ code: "123456" });
 */
export const TotpCodeSchema = z
  .object({ code: z.string().regex(/^\d{6}$/) })
  .strict()
  .meta({ id: "TotpCode" });

/**
 * What a confirmed set-up answers: ten recovery codes, shown once, each good for one sign-in without the app.
 *
 * @example
 * RecoveryCodesSchema.parse(body).recoveryCodes.length; // 10
 */
export const RecoveryCodesSchema = z
  .object({ recoveryCodes: z.array(z.string()) })
  .meta({ id: "RecoveryCodes" });

/**
 * A device of one of the signed-in account's licenses: no hardware digest, no lease bookkeeping.
 *
 * @example
 * MyDeviceSchema.parse({ id: "dev_…", name: "Aiko's laptop", platform: "linux", activatedAt, lastSeenAt });
 */
export const MyDeviceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    platform: z.string(),
    activatedAt: IsoInstant,
    lastSeenAt: IsoInstant,
    deactivatedAt: IsoInstant.optional(),
  })
  .meta({ id: "MyDevice" });

/** One end of an upgrade chain, as its owner sees it. */
const ChainLinkSchema = z
  .object({ id: z.string(), keyHint: z.string(), policyName: z.string() })
  .meta({ id: "ChainLink" });

/**
 * A license's transfer allowance now: what its owner sees before choosing to move it.
 *
 * @example
 * TransferAllowanceSchema.parse(body.transfers).left; // 2
 */
export const TransferAllowanceSchema = z
  .object({
    allowed: z.boolean().meta({ description: "The policy lets the license move to a new machine" }),
    perYear: z.number().int(),
    used: z.number().int().meta({ description: "Transfers in the last 365 days" }),
    left: z.number().int().meta({ description: "Transfers left in the last 365 days" }),
    cooldownSeconds: z
      .number()
      .int()
      .meta({ description: "The policy's wait between two transfers (0: none)" }),
    nextAt: IsoInstant.optional().meta({ description: "When a transfer is possible again, if none is now" }),
    blockedBy: z.enum(["period", "cooldown"]).optional().meta({
      description: "Why none is possible now: the period's allowance is used, or the cool-down runs",
    }),
  })
  .meta({ id: "TransferAllowance" });

/**
 * A license of the signed-in account: its devices and the transfers it has left.
 *
 * @example
 * MyLicenseSchema.parse(body.licenses[0]).transfers.left;
 */
export const MyLicenseSchema = z
  .object({
    id: z.string(),
    productId: z.string(),
    productName: z.string(),
    policyName: z.string(),
    keyHint: z.string().meta({ description: "Last group of the key" }),
    state: z.enum(["active", "suspended", "revoked", "expired"]),
    linkedVia: z.enum(["key", "email"]).meta({ description: "Linked with its key, or sold to this email" }),
    expiresAt: IsoInstant.optional(),
    maxDevices: z.number().int(),
    devices: z.array(MyDeviceSchema),
    transfers: TransferAllowanceSchema,
    channel: z.string().optional().meta({ description: "How the license was sold: retail, oem, upgrade, …" }),
    entitlements: z.array(z.string()).optional().meta({ description: "The features the license grants" }),
    upgradeOf: ChainLinkSchema.optional().meta({
      description: "Upgrade licenses: the base license it builds on, kept with it on every machine",
    }),
    upgradedBy: ChainLinkSchema.optional().meta({
      description:
        "A base license consumed by an upgrade: that upgrade (the base works again if it is refunded)",
    }),
    standing: z.object({ code: z.string(), message: z.string(), remedy: z.string() }).optional().meta({
      description:
        "Why the license does not work now (suspended, revoked, expired, past due, consumed by an upgrade), as the catalogue words it in the reader's language; absent while it works",
    }),
  })
  .meta({ id: "MyLicense" });

/**
 * What `GET /v1/me/licenses` answers.
 *
 * @example
 * MyLicensesSchema.parse(body).licenses;
 */
export const MyLicensesSchema = z.object({ licenses: z.array(MyLicenseSchema) }).meta({ id: "MyLicenses" });

/**
 * The body of `POST /v1/me/licenses`: a product key to link to the signed-in account.
 *
 * @example
 * LinkLicenseRequestSchema.parse({ key: "BCDFG-HJKMP-QRTVW-XY234-6789B" });
 */
export const LinkLicenseRequestSchema = z
  .object({ key: ProductKeyInput })
  .strict()
  .meta({ id: "LinkLicenseRequest" });

/**
 * The body of `POST /v1/device-codes`: a device asks to be activated with a signed-in owner's license.
 *
 * @example
 * DeviceCodeRequestSchema.parse({ productId: "prd_…" });
 */
export const DeviceCodeRequestSchema = z
  .object({ productId: z.string().min(1).max(64) })
  .strict()
  .meta({ id: "DeviceCodeRequest" });

/**
 * What `POST /v1/device-codes` answers (RFC 8628's fields, in camelCase): the device keeps `deviceCode` to
 * itself and shows `userCode` and `verificationUri` to its user.
 *
 * @example
 * const { userCode, verificationUri } = DeviceCodeSchema.parse(body);
 */
export const DeviceCodeSchema = z
  .object({
    deviceCode: z.string().meta({ description: "Secret: the device polls with it, never shows it" }),
    userCode: z.string().meta({ example: "BCDF-GHJK" }),
    verificationUri: z.string(),
    verificationUriComplete: z.string().meta({ description: "The URI with the code in it, for a QR code" }),
    expiresIn: z.number().int().meta({ description: "Seconds the code waits for approval" }),
    interval: z.number().int().meta({ description: "Seconds between two polls" }),
  })
  .meta({ id: "DeviceCode" });

/**
 * The body of `POST /v1/me/device-codes/approve`: the code the device shows, and the license it gets.
 *
 * @example
 * DeviceCodeApprovalSchema.parse({ userCode: "bcdf ghjk", licenseId: "lic_…" });
 */
export const DeviceCodeApprovalSchema = z
  .object({ userCode: z.string().min(1).max(32), licenseId: z.string().min(1).max(64) })
  .strict()
  .meta({ id: "DeviceCodeApproval" });

/**
 * The body of `POST /v1/device-codes/token`: the device polls with its code.
 *
 * @example
 * DeviceCodeTokenRequestSchema.parse({ deviceCode });
 */
export const DeviceCodeTokenRequestSchema = z
  .object({ deviceCode: z.string().min(16).max(128) })
  .strict()
  .meta({ id: "DeviceCodeTokenRequest" });

/**
 * What an approved device code gives, once: the license and its product key, to activate with as usual.
 *
 * @example
 * const { key } = DeviceCodeGrantSchema.parse(body);
 */
export const DeviceCodeGrantSchema = z
  .object({ licenseId: z.string(), key: z.string() })
  .meta({ id: "DeviceCodeGrant" });
