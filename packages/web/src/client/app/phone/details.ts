import { type DeviceSummary, isRecord } from "@ninsho/core";

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

/** The product a refusal about a license names (the server adds it once the ID proved the key). */
export function productNameOf(details: unknown): string | undefined {
  return isRecord(details) && typeof details.productName === "string" ? details.productName : undefined;
}
