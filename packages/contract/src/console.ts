import * as z from "zod";
import { LicenseSchema } from "./admin.js";
import { IsoInstant } from "./common.js";

/*
 * What the web console reads beyond the single-purpose admin routes: counts for its charts (computed from the
 * events table) and one search box for any identifier a customer or a log gives support.
 */

/**
 * The query of `GET /v1/admin/stats`.
 *
 * @example
 * StatsQuerySchema.parse({ days: "7" }).days; // 7
 */
export const StatsQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(365).default(30).meta({ description: "Days back from now" }),
});

const DayCounts = z.object({
  day: z.string().meta({ description: "UTC day, YYYY-MM-DD", example: "2026-12-01" }),
  activations: z.number().int().meta({ description: "New devices activated" }),
  recognized: z.number().int().meta({ description: "Known devices activated again" }),
  refusals: z.number().int(),
  transfers: z.number().int(),
  validations: z.number().int().meta({
    description:
      "Validations answered with a lease (counted per process in memory and added to the day's row every few seconds)",
  }),
});

/**
 * What `GET /v1/admin/stats` answers: counts per day (activations, refusals and transfers from the events,
 * validations from their per-day counter), refusals by code, devices per license, and how match
 * scores of accepted and refused activations spread (so a vendor sees whether a threshold is right).
 *
 * @example
 * StatsSchema.parse(body).perDay[0]?.activations;
 */
export const StatsSchema = z
  .object({
    since: IsoInstant,
    perDay: z.array(DayCounts).meta({ description: "Every day of the period, oldest first, zeros included" }),
    refusalsByCode: z.array(z.object({ code: z.string(), count: z.number().int() })),
    devicesPerLicense: z
      .array(z.object({ devices: z.number().int(), licenses: z.number().int() }))
      .meta({ description: "How many licenses have n active devices, for every n that occurs (n ≥ 1)" }),
    scores: z.object({
      bins: z.array(z.number()).meta({ description: "Lower bound of each bin of width 0.1, 0 to 0.9" }),
      accepted: z.array(z.number().int()).meta({ description: "Recognised devices' scores, per bin" }),
      refused: z
        .array(z.number().int())
        .meta({ description: "Closest score of refused new devices, per bin" }),
    }),
    truncated: z
      .boolean()
      .meta({ description: "More events than one answer counts: the oldest were left out" }),
  })
  .meta({ id: "Stats" });
/** @example const stats: Stats = StatsSchema.parse(body); */
export type Stats = z.infer<typeof StatsSchema>;

/**
 * The body of `POST /v1/admin/licenses/search`: any identifier (in the body, since it may be a product key).
 *
 * @example
 * SearchRequestSchema.parse({ query: "dev_01J…" });
 */
export const SearchRequestSchema = z
  .object({ query: z.string().trim().min(1).max(200) })
  .strict()
  .meta({ id: "SearchRequest" });
/** @example const body: SearchRequest = { query: "aiko@example.jp" }; */
export type SearchRequest = z.input<typeof SearchRequestSchema>;

export const searchKinds = ["key", "email", "license", "device", "deviceName", "installation"] as const;

/**
 * What `POST /v1/admin/licenses/search` answers: the licenses found and what they were found by.
 *
 * @example
 * SearchResultSchema.parse(body).matches[0]?.kind; // "device"
 */
export const SearchResultSchema = z
  .object({
    matches: z.array(
      z.object({
        kind: z.enum(searchKinds),
        license: LicenseSchema,
        deviceId: z.string().optional().meta({ description: "The device that matched, if one did" }),
      }),
    ),
  })
  .meta({ id: "SearchResult" });
/** @example const found: SearchResult = SearchResultSchema.parse(body); */
export type SearchResult = z.infer<typeof SearchResultSchema>;

/**
 * What `GET /v1/admin/licenses/{id}/refusals` answers: the license's last refusals, newest first, each worded
 * by the error catalogue in the reader's language, with the match behind it when there was one.
 *
 * @example
 * RefusalsSchema.parse(body).refusals[0]?.changed; // [{ kind: "board", outcome: "changed" }]
 */
export const RefusalsSchema = z
  .object({
    refusals: z.array(
      z.object({
        at: IsoInstant,
        code: z.string(),
        message: z.string(),
        remedy: z.string(),
        score: z.number().optional().meta({ description: "Score of the closest known device" }),
        threshold: z.number().optional(),
        closestDeviceId: z.string().optional(),
        changed: z
          .array(z.object({ kind: z.string(), outcome: z.string() }))
          .meta({ description: "Components of the closest device that did not match" }),
        maxDevices: z
          .number()
          .int()
          .optional()
          .meta({ description: "The limit, when the refusal was a full license" }),
      }),
    ),
  })
  .meta({ id: "Refusals" });
/** @example const { refusals }: Refusals = RefusalsSchema.parse(body); */
export type Refusals = z.infer<typeof RefusalsSchema>;
