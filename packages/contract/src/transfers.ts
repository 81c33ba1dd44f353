import * as z from "zod";
import { MyDeviceSchema, TransferAllowanceSchema } from "./accounts.js";
import { IsoInstant } from "./common.js";
import { ProductKeyInput } from "./device.js";

/**
 * The body of `POST /v1/transfers/codes` and `POST /v1/transfers/options`: the product key, as typed.
 *
 * @example
 * const request: TransferKeyRequest = { key: "BCDFG-HJKMP-QRTVW-XY234-6789B" };
 */
export const TransferKeyRequestSchema = z
  .object({ key: ProductKeyInput })
  .strict()
  .meta({ id: "TransferKeyRequest" });

/** @example const request: TransferKeyRequest = { key }; */
export type TransferKeyRequest = z.input<typeof TransferKeyRequestSchema>;

/**
 * What `POST /v1/transfers/codes` answers: a code is on its way to the license's owner.
 *
 * @example
 * TransferCodeSentSchema.parse(body).to; // "a•••@example.jp"
 */
export const TransferCodeSentSchema = z
  .object({
    status: z.literal("mail_sent"),
    to: z.string().meta({ description: "The owner's address, masked (a•••@example.jp)" }),
    expiresAt: IsoInstant.meta({ description: "The code works until then, for 5 tries" }),
  })
  .meta({ id: "TransferCodeSent" });

/**
 * What `POST /v1/transfers/options` answers: the license a key names, its devices (to pick the one this machine
 * replaces) and its allowance, before any move.
 *
 * @example
 * TransferOptionsSchema.parse(body).transfers.left;
 */
export const TransferOptionsSchema = z
  .object({
    licenseId: z.string(),
    productId: z.string(),
    owner: z.enum(["account", "email", "none"]).meta({
      description: "Who proves a move: a linked account, the email the vendor sold it to, or no one yet",
    }),
    devices: z.array(MyDeviceSchema),
    transfers: TransferAllowanceSchema,
  })
  .meta({ id: "TransferOptions" });

/**
 * A request to the vendor's support, opened by a refused self-service step, with its context (the refusal, the
 * license's devices and their explanations, its timeline).
 *
 * @example
 * SupportRequestSchema.parse(body.requests[0]).kind; // "transfer_allowance"
 */
export const SupportRequestSchema = z
  .object({
    id: z.string(),
    licenseId: z.string(),
    accountId: z.string().optional(),
    kind: z.enum(["transfer_allowance"]),
    status: z.enum(["open", "closed"]),
    createdAt: IsoInstant,
    context: z.record(z.string(), z.unknown()).meta({
      description: "refusal, request (the device to replace and the new machine), devices, timeline",
    }),
  })
  .meta({ id: "SupportRequest" });

/**
 * What `GET /v1/admin/support-requests` answers, newest first.
 *
 * @example
 * SupportRequestListSchema.parse(body).requests.length;
 */
export const SupportRequestListSchema = z
  .object({ requests: z.array(SupportRequestSchema) })
  .meta({ id: "SupportRequestList" });
