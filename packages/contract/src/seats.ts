import * as z from "zod";
import { IsoInstant, SignableText, SignedFields } from "./common.js";
import {
  DeviceInfoSchema,
  DeviceProofSchema,
  DeviceSecretSchema,
  FingerprintSchema,
  LicenseViewSchema,
  NonceSchema,
  ProductKeyInput,
} from "./device.js";

/**
 * A workload's identity as the vendor's configuration gives it (pod name, ECS task id, instance id).
 *
 * @example
 * WorkloadSchema.parse({ id: "api-7f9c4-xk2lp", kind: "pod" });
 */
export const WorkloadSchema = z
  .object({
    id: SignableText(1, 200).meta({ example: "api-7f9c4-xk2lp" }),
    kind: SignableText(1, 32).optional().meta({ example: "pod" }),
  })
  .strict()
  .meta({ id: "Workload" });

/**
 * The body of `POST /v1/seats`: the key, and who holds the seat (a machine, like an activation, or a
 * workload identity for a `workload` license).
 *
 * @example
 * const request: SeatCheckOutRequest = { key, fingerprint, device: { name: "CAD-12", platform: "windows" } };
 * const container: SeatCheckOutRequest = { key, workload: { id: process.env.HOSTNAME ?? "pod" } };
 */
export const SeatCheckOutRequestSchema = z
  .object({
    key: ProductKeyInput,
    fingerprint: FingerprintSchema.optional(),
    device: DeviceInfoSchema.optional(),
    workload: WorkloadSchema.optional(),
    borrowDays: z.number().int().min(1).max(365).optional().meta({
      description:
        "Borrow the seat offline for this many days (floating policies that allow it): no heartbeats, returned early or lapsing by itself",
    }),
    deviceSecret: DeviceSecretSchema.optional().meta({
      description:
        "The holder's device secret (made by the holder; sealed at rest on the server, never answered back): the seat is then renewed and returned with the holder's device proof instead of its bearer secret",
    }),
    proof: DeviceProofSchema.optional(),
    nonce: NonceSchema.optional(),
  })
  .strict()
  .meta({ id: "SeatCheckOutRequest" });

/** @example const request: SeatCheckOutRequest = { key, workload: { id: "pod-1" } }; */
export type SeatCheckOutRequest = z.input<typeof SeatCheckOutRequestSchema>;

/**
 * A seat as its holder sees it.
 *
 * @example
 * SeatViewSchema.parse(answer.seat).expiresAt;
 */
export const SeatViewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["floating", "workload", "borrowed"]),
    checkedOutAt: IsoInstant,
    heartbeatAt: IsoInstant,
    expiresAt: IsoInstant.meta({
      description: "The seat is free from this instant unless a heartbeat moves it",
    }),
    endsBy: IsoInstant.optional().meta({
      description: "A hard end no heartbeat moves (borrowing, overage window)",
    }),
    overage: z.boolean(),
  })
  .meta({ id: "SeatView" });

/**
 * The numbers behind a seat decision.
 *
 * @example
 * const { held, seats } = SeatExplanationSchema.parse(answer.explanation);
 */
export const SeatExplanationSchema = z
  .object({
    seats: z.number().int(),
    held: z.number().int().meta({ description: "Seats held before this check-out" }),
    overageAllowed: z.number().int(),
    heartbeatTimeoutSeconds: z.number().int(),
  })
  .meta({ id: "SeatExplanation" });

/**
 * The signed answer of `POST /v1/seats`.
 *
 * @example
 * const answer = SeatCheckOutSchema.parse(body); // after its signature is verified
 * setInterval(heartbeat, answer.heartbeatIntervalSeconds * 1000);
 */
export const SeatCheckOutSchema = z
  .object({
    seat: SeatViewSchema,
    secret: z.string().meta({
      description:
        "The seat's secret, shown once: only its holder renews or returns the seat (Authorization: Bearer <secret>)",
    }),
    lease: z.string().meta({ description: "Signed seat lease: a compact JWS (EdDSA), typ ninsho-seat+jwt" }),
    heartbeatIntervalSeconds: z
      .number()
      .int()
      .meta({ description: "How often to heartbeat (a third of the timeout)" }),
    license: LicenseViewSchema,
    explanation: SeatExplanationSchema,
    nonce: z.string().optional(),
    ...SignedFields,
  })
  .meta({ id: "SeatCheckOut" });

/** @example const secret = (answer satisfies SeatCheckOut).secret; */
export type SeatCheckOut = z.infer<typeof SeatCheckOutSchema>;

/**
 * The body of `POST /v1/seats/{id}/heartbeats`: the holder's device proof, for a seat checked out with a
 * device secret (a seat kept by its bearer secret sends that in the Authorization header instead).
 *
 * @example
 * const request: SeatHeartbeatRequest = { nonce };
 */
export const SeatHeartbeatRequestSchema = z
  .object({ nonce: NonceSchema.optional(), proof: DeviceProofSchema.optional() })
  .strict()
  .meta({ id: "SeatHeartbeatRequest" });

/** @example const request: SeatHeartbeatRequest = {}; */
export type SeatHeartbeatRequest = z.input<typeof SeatHeartbeatRequestSchema>;

/**
 * The signed answer of a heartbeat: the seat's new expiry and a fresh lease.
 *
 * @example
 * const { seat } = SeatHeartbeatSchema.parse(body);
 */
export const SeatHeartbeatSchema = z
  .object({
    seat: SeatViewSchema,
    lease: z.string(),
    heartbeatIntervalSeconds: z.number().int(),
    nonce: z.string().optional(),
    ...SignedFields,
  })
  .meta({ id: "SeatHeartbeat" });

/** @example const until = (answer satisfies SeatHeartbeat).seat.expiresAt; */
export type SeatHeartbeat = z.infer<typeof SeatHeartbeatSchema>;

/**
 * The optional body of `DELETE /v1/seats/{id}`: the holder's device proof, for a seat checked out with a
 * device secret.
 *
 * @example
 * const request: SeatReturnRequest = { proof };
 */
export const SeatReturnRequestSchema = z
  .object({ proof: DeviceProofSchema.optional() })
  .strict()
  .meta({ id: "SeatReturnRequest" });

/** @example const request: SeatReturnRequest = {}; */
export type SeatReturnRequest = z.input<typeof SeatReturnRequestSchema>;

/**
 * The answer of `DELETE /v1/seats/{id}`.
 *
 * @example
 * SeatReturnSchema.parse(body).returnedAt;
 */
export const SeatReturnSchema = z
  .object({ id: z.string(), returnedAt: IsoInstant })
  .meta({ id: "SeatReturn" });

/** @example const at = (answer satisfies SeatReturn).returnedAt; */
export type SeatReturn = z.infer<typeof SeatReturnSchema>;

/**
 * Seats of a license as the vendor sees them: held now, and peak concurrent seats (instances) per UTC day.
 *
 * @example
 * const usage = SeatUsageSchema.parse(body); // usage.days[0].peak
 */
export const SeatUsageSchema = z
  .object({
    licenseId: z.string(),
    seats: z.number().int(),
    held: z.array(SeatViewSchema.extend({ name: z.string(), platform: z.string() })),
    days: z.array(z.object({ day: z.string(), peak: z.number().int() })),
  })
  .meta({ id: "SeatUsage" });

/** @example const peak = Math.max(...(usage satisfies SeatUsage).days.map((d) => d.peak)); */
export type SeatUsage = z.infer<typeof SeatUsageSchema>;

/**
 * The query of the usage route: how many days back from today (UTC).
 *
 * @example
 * const query: SeatUsageQuery = { days: 7 };
 */
export const SeatUsageQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) });

/** @example const query: SeatUsageQuery = {}; */
export type SeatUsageQuery = z.input<typeof SeatUsageQuerySchema>;
