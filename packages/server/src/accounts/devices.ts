import { type Device, fail, newId, ok, type Result } from "@ninsho/core";
import type { AccountRecord } from "@ninsho/store";
import type { ServerDeps } from "../deps.js";
import { deactivateDevice } from "../services/deactivate.js";
import { ownedLicenses } from "./licenses.js";

/**
 * A device of one of the account's licenses. Another account's device is DEVICE_NOT_FOUND, exactly as a device
 * that does not exist, so an id tried from a second account tells it nothing.
 * @example
 * const device = await ownedDevice(deps, account, "dev_01J…");
 */
export async function ownedDevice(
  deps: ServerDeps,
  account: AccountRecord,
  deviceId: string,
): Promise<Result<Device>> {
  const device = await deps.store.devices.findById(deviceId);
  if (device) {
    const owned = await ownedLicenses(deps, account);
    if (owned.some(({ license }) => license.id === device.licenseId)) return ok(device);
  }
  return fail("DEVICE_NOT_FOUND", { deviceId });
}

/**
 * Rename one of the account's devices (the name is the owner's, for telling machines apart); the timeline keeps
 * the old and new names with the account as actor. The same name again changes nothing and logs nothing.
 * @example
 * const renamed = await renameOwnedDevice(deps, account, deviceId, "Spare-room PC");
 */
export async function renameOwnedDevice(
  deps: ServerDeps,
  account: AccountRecord,
  deviceId: string,
  name: string,
): Promise<Result<Device>> {
  const found = await ownedDevice(deps, account, deviceId);
  if (!found.ok) return found;
  const device = found.value;
  if (device.name === name) return ok(device);
  const at = deps.clock().toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.devices.update(device.id, { name });
    await tx.events.append({
      id: newId("event"),
      licenseId: device.licenseId,
      type: "device.renamed",
      actor: `account:${account.id}`,
      data: { deviceId: device.id, from: device.name, name },
      createdAt: at,
    });
  });
  return ok({ ...device, name });
}

/**
 * "I no longer use this device": the owner frees its slot. A deactivation like support's, logged in the
 * timeline with the account as actor; the machine runs out its current lease and is refused after it.
 * @example
 * const freed = await releaseOwnedDevice(deps, account, deviceId);
 */
export async function releaseOwnedDevice(
  deps: ServerDeps,
  account: AccountRecord,
  deviceId: string,
): Promise<Result<Device>> {
  const found = await ownedDevice(deps, account, deviceId);
  if (!found.ok) return found;
  return deactivateDevice(
    deps,
    found.value.id,
    { kind: "account", accountId: account.id },
    "no longer used, said its owner",
  );
}
