import type { Device } from "@ninsho/core";
import type { ServerDeps } from "../deps.js";

/**
 * Whether `proof` shows that the device itself asks (it holds the device key registered at its activation).
 * The seam for the device proof: until devices register a key nothing can prove possession, so this holds
 * for no one and a validation by key for an existing device answers the license's state without a lease.
 * @example
 * if (await deviceProofHolds(deps, device, request.proof)) serveLease();
 */
export async function deviceProofHolds(
  _deps: ServerDeps,
  _device: Device,
  _proof: unknown,
): Promise<boolean> {
  return false;
}
