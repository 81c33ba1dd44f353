import type { FingerprintSource } from "../source.js";
import type { Environment } from "../types.js";
import { vmVendorOf } from "../vmVendors.js";
import { readPlatformExpert } from "./ioreg.js";
import { readSysctl } from "./sysctl.js";

/**
 * Whether macOS runs in a VM: the kernel says so in `kern.hv_vmm_present`, and virtual Macs name their
 * hypervisor in the platform model (`VMware7,1`, `Parallels-ARM`, `VirtualMac2,1`). macOS has no containers
 * of its own; a vendor who runs one says so with `containerId`.
 *
 * @example
 * await detectMacEnvironment(source); // { kind: "physical", hint: "no hypervisor evidence" }
 */
export async function detectMacEnvironment(source: FingerprintSource): Promise<Environment> {
  const platform = await readPlatformExpert(source);
  const vendor = vmVendorOf([platform.get("model") ?? "", platform.get("manufacturer") ?? ""]);
  if (vendor !== undefined) return { kind: "vm", hint: `${vendor} (ioreg model)` };
  if ((await readSysctl(source, "kern.hv_vmm_present")) === "1") {
    return { kind: "vm", hint: "hypervisor (kern.hv_vmm_present)" };
  }
  return { kind: "physical", hint: "no hypervisor evidence" };
}
