import * as z from "zod";
import { IsoInstant } from "./common.js";
import { ProductKeyInput } from "./device.js";

/**
 * The body of `POST /v1/licenses/usage`: the key, as the proof that the caller holds the license (a customer's
 * IT admin with a volume key). POST, so the key never sits in a URL or an access log.
 *
 * @example
 * const body: LicenseUsageRequest = { key: "BCDFG-HJKMP-QRTVW-XY234-6789B" };
 */
export const LicenseUsageRequestSchema = z
  .object({ key: ProductKeyInput })
  .strict()
  .meta({ id: "LicenseUsageRequest" });

/** @example const body: LicenseUsageRequest = { key }; */
export type LicenseUsageRequest = z.input<typeof LicenseUsageRequestSchema>;

/**
 * How many of a license's activations are used, and by which machines (their names as they were activated;
 * never a hardware digest).
 *
 * @example
 * const { used, total } = LicenseUsageSchema.parse(body); // 37 of 50
 */
export const LicenseUsageSchema = z
  .object({
    licenseId: z.string(),
    channel: z.string(),
    state: z.enum(["active", "suspended", "revoked", "expired"]),
    used: z.number().int().meta({ description: "Devices holding an activation now" }),
    total: z.number().int().meta({ description: "Devices the license allows at once" }),
    devices: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        platform: z.string(),
        activatedAt: IsoInstant,
        lastSeenAt: IsoInstant,
      }),
    ),
  })
  .meta({ id: "LicenseUsage" });

/** @example const left = usage.total - usage.used; */
export type LicenseUsage = z.infer<typeof LicenseUsageSchema>;
