import { isRecord } from "./api.js";

/** The answer of POST /v1/offline/confirmations (and its support twin), as far as the page reads it. */
export interface Confirmation {
  readonly confirmationId: string;
  readonly groups: readonly string[];
  readonly grant: {
    readonly leaseDays: number;
    readonly graceDays: number;
    readonly leaseExpiresAt?: string;
    readonly graceEndsAt?: string;
  };
  readonly device: { readonly id: string; readonly name: string };
  readonly license: { readonly id: string; readonly productId: string };
  readonly decision?: { readonly outcome: string };
  readonly transferredFrom?: string;
  readonly replayed: boolean;
}

/** A device as a DEVICE_LIMIT_REACHED refusal lists it. */
export interface DeviceSummary {
  readonly id: string;
  readonly name: string;
  readonly platform: string;
  readonly activatedAt: string;
  readonly lastSeenAt: string;
}

/** Lease days that mean "no end" in a confirmation ID's terms. */
export const NO_END = 4095;

/** Checks only what the page shows: a server of another version answers something this page cannot read. */
export function asConfirmation(body: unknown): Confirmation | undefined {
  if (!isRecord(body) || typeof body.confirmationId !== "string" || !Array.isArray(body.groups))
    return undefined;
  if (!body.groups.every((g) => typeof g === "string")) return undefined;
  const { grant, device, license } = body;
  if (!isRecord(grant) || typeof grant.leaseDays !== "number" || typeof grant.graceDays !== "number")
    return undefined;
  if (!isRecord(device) || typeof device.name !== "string" || !isRecord(license)) return undefined;
  return body as unknown as Confirmation;
}

/** The devices and transfer permission in a DEVICE_LIMIT_REACHED refusal's details. */
export function limitDetails(
  details: unknown,
): { readonly devices: DeviceSummary[]; readonly transferable: boolean } | undefined {
  if (!isRecord(details) || !Array.isArray(details.devices)) return undefined;
  const devices = details.devices.filter(
    (d): d is DeviceSummary =>
      isRecord(d) &&
      typeof d.id === "string" &&
      typeof d.name === "string" &&
      typeof d.platform === "string" &&
      typeof d.activatedAt === "string" &&
      typeof d.lastSeenAt === "string",
  );
  return { devices, transferable: details.transferable === true };
}

/** The 1-based groups a malformed-ID refusal names. */
export function faultyGroups(details: unknown): number[] {
  if (!isRecord(details) || !Array.isArray(details.groups)) return [];
  return details.groups.filter((g): g is number => typeof g === "number");
}
