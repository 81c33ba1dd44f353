import * as z from "zod";

/*
 * The signed-in owner's own devices (issue 14 point 4): rename one, or say "I no longer use this device", which
 * frees its slot. The routes find the device through the account's licenses, so another account's device is
 * DEVICE_NOT_FOUND, exactly as one that does not exist.
 */

/**
 * Control characters, the line and paragraph separators, the bidirectional overrides that spoof a name, and
 * (with the `u` flag a pair is one code point, so only a lone half matches) lone surrogates.
 */
const UNPRINTABLE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u;

/**
 * A device's name as its owner types it: trimmed, 1 to 64 characters, printable (no control characters, line
 * breaks or direction overrides, which would let a name pass for another in a list). A wrong one is
 * VALIDATION_FAILED naming the field `name`.
 *
 * @example
 * DeviceNameSchema.parse("  Aiko's laptop "); // "Aiko's laptop"
 */
export const DeviceNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((name) => !UNPRINTABLE.test(name), {
    message: "must be printable text: no control characters, line breaks or direction overrides",
  })
  .meta({ example: "Aiko's laptop", description: "1 to 64 printable characters" });

/**
 * The body of `PATCH /v1/me/devices/{id}`: the device's new name.
 *
 * @example
 * RenameDeviceRequestSchema.parse({ name: "Old desktop (spare room)" });
 */
export const RenameDeviceRequestSchema = z
  .object({ name: DeviceNameSchema })
  .strict()
  .meta({ id: "RenameDeviceRequest" });

/** @example const body: RenameDeviceRequest = { name: "Living-room PC" }; */
export type RenameDeviceRequest = z.input<typeof RenameDeviceRequestSchema>;
