import type { FingerprintSource } from "../source.js";
import type { Environment } from "../types.js";
import { vmVendorOf } from "../vmVendors.js";
import { readCim } from "./cim.js";

/**
 * Whether Windows runs in a container (the registry's `ContainerType`, set in Windows Server and Hyper-V
 * containers) or a VM (SMBIOS maker and model). `HypervisorPresent` is not used: it is true on every host
 * with Hyper-V or virtualisation-based security enabled.
 *
 * @example
 * await detectWindowsEnvironment(source); // { kind: "vm", hint: "Hyper-V (SMBIOS)" }
 */
export async function detectWindowsEnvironment(source: FingerprintSource): Promise<Environment> {
  const cim = await readCim(source);
  if (cim?.containerType !== undefined)
    return { kind: "container", hint: "windows container (ContainerType)" };
  const strings = [...(cim?.product ?? []), ...(cim?.baseBoard ?? [])].flatMap((record) =>
    ["Vendor", "Name", "Manufacturer", "Product"].flatMap((key) => {
      const value = record[key];
      return typeof value === "string" ? [value] : [];
    }),
  );
  const vendor = vmVendorOf(strings);
  if (vendor !== undefined) return { kind: "vm", hint: `${vendor} (SMBIOS)` };
  return {
    kind: "physical",
    hint: cim === undefined ? "unknown (PowerShell failed)" : "no hypervisor evidence",
  };
}
