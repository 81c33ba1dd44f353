import { nothing } from "../collector.js";
import type { FingerprintSource } from "../source.js";
import type { RawReading } from "../types.js";
import { listNics } from "./net.js";

/**
 * `linux/1`: the current address of every interface but loopback. Kept only to rebuild the set devices
 * activated with SDKs that shipped it: docker0, a tethered phone or a randomised Wi-Fi address made it
 * drift, which `linux/2` fixes.
 *
 * @example
 * await readAllMacs(source); // { kind: "mac", values: ["02:42:…", "a4:83:…", "ba:3e:…"] }
 */
export async function readAllMacs(source: FingerprintSource): Promise<RawReading> {
  const nics = await listNics(source);
  if (nics === undefined) return nothing("mac", "unreadable", "/sys/class/net could not be listed");
  const values = nics.flatMap((nic) => (nic.kind === "loopback" || !nic.address ? [] : [nic.address]));
  return { kind: "mac", values, from: "/sys/class/net/*/address" };
}

/**
 * `linux/2`: the burnt-in address of each physical NIC (wired or wireless, on the machine's own bus),
 * leaving out virtual, USB and modem interfaces, which come and go without the machine changing.
 *
 * @example
 * await readPhysicalMacs(source); // { kind: "mac", values: ["a4:83:e7:1b:2c:3d"] }
 */
export async function readPhysicalMacs(source: FingerprintSource): Promise<RawReading> {
  const nics = await listNics(source);
  if (nics === undefined) return nothing("mac", "unreadable", "/sys/class/net could not be listed");
  const physical = nics.filter((nic) => nic.kind === "physical");
  const values = physical.flatMap((nic) => {
    const address = nic.permanentAddress ?? nic.address;
    return address ? [address] : [];
  });
  if (physical.length === 0) {
    return nothing("mac", "not-found", "no physical network adapter (only virtual, USB or modem ones)");
  }
  return { kind: "mac", values, from: "/sys/class/net/*/address" };
}
