/**
 * Maker and model strings that firmware of virtual machines reports (SMBIOS on every OS, `ioreg` model on
 * macOS), each with the name shown in the environment hint. Matched case-insensitively as substrings.
 */
const VM_SIGNATURES: readonly (readonly [RegExp, string])[] = [
  [/qemu|kvm|bochs/i, "QEMU/KVM"],
  [/vmware/i, "VMware"],
  [/innotek|virtualbox/i, "VirtualBox"],
  [/microsoft corporation.*virtual machine|^virtual machine$/i, "Hyper-V"],
  [/amazon ec2/i, "Amazon EC2"],
  [/google compute engine/i, "Google Compute Engine"],
  [/\bxen\b|hvm domu/i, "Xen"],
  [/parallels/i, "Parallels"],
  [/openstack/i, "OpenStack"],
  [/bhyve/i, "bhyve"],
  [/virtualmac/i, "Apple Virtualization"],
];

/**
 * The hypervisor a set of maker/model strings names, if any.
 *
 * @example
 * vmVendorOf(["Microsoft Corporation", "Virtual Machine"]); // "Hyper-V"
 * vmVendorOf(["LENOVO", "20XW004GGE"]); // undefined
 */
export function vmVendorOf(strings: readonly string[]): string | undefined {
  const joined = strings.join(" ");
  for (const [pattern, name] of VM_SIGNATURES) {
    if (pattern.test(joined)) return name;
  }
  return undefined;
}
