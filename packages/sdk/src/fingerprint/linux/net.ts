import type { FingerprintSource } from "../source.js";
import { parseUevent, readTrimmed } from "./sysfs.js";

const NET = "/sys/class/net";

/**
 * What a network interface is, from sysfs:
 * - `loopback`: `lo`.
 * - `virtual`: created by software (listed under /sys/devices/virtual/net, or without a `device` link):
 *   docker0, veth*, bridges, bonds, VLANs, tun/tap, WireGuard, libvirt's virbr*.
 * - `usb`: on a USB bus: a tethered phone (rndis_host, cdc_ncm, ipheth) or a dongle that moves between
 *   machines, so it tells nothing about this one.
 * - `wwan`: a mobile-broadband modem, whose address some modems invent at each power-up.
 * - `physical`: a NIC on the machine's own bus (PCI, platform, virtio in a VM), wired or wireless.
 *
 * @example
 * const kind: NicKind = "usb";
 */
export type NicKind = "loopback" | "virtual" | "usb" | "wwan" | "physical";

/**
 * One interface as sysfs and `ip` describe it.
 *
 * @example
 * const nic: Nic = { name: "wlp0s20f3", kind: "physical", address: "ba:3e:…", permanentAddress: "a4:83:…" };
 */
export interface Nic {
  readonly name: string;
  readonly kind: NicKind;
  /** The current address, which NetworkManager may randomise per Wi-Fi network. */
  readonly address: string | undefined;
  /** The burnt-in address when it differs from the current one (from `ip -j link`, kernel 5.6+). */
  readonly permanentAddress: string | undefined;
}

const classify = async (
  source: FingerprintSource,
  name: string,
  virtual: ReadonlySet<string>,
): Promise<NicKind> => {
  if (name === "lo") return "loopback";
  const device = await source.readFile(`${NET}/${name}/device/uevent`);
  if (virtual.has(name) || device === undefined) return "virtual";
  const fields = parseUevent(device);
  if (fields.get("DEVTYPE") === "usb_interface" || fields.get("MODALIAS")?.startsWith("usb:")) return "usb";
  const own = parseUevent((await source.readFile(`${NET}/${name}/uevent`)) ?? "");
  if (own.get("DEVTYPE") === "wwan") return "wwan";
  return "physical";
};

/** Burnt-in addresses by interface name; `ip` prints `permaddr` only where it differs from `address`. */
const permanentAddresses = async (source: FingerprintSource): Promise<Map<string, string>> => {
  const addresses = new Map<string, string>();
  const output = await source.exec("ip", ["-j", "link", "show"]);
  if (output === undefined) return addresses;
  let links: unknown;
  try {
    links = JSON.parse(output);
  } catch {
    return addresses;
  }
  if (!Array.isArray(links)) return addresses;
  for (const link of links as unknown[]) {
    if (typeof link !== "object" || link === null) continue;
    const { ifname, permaddr } = link as { ifname?: unknown; permaddr?: unknown };
    if (typeof ifname === "string" && typeof permaddr === "string") addresses.set(ifname, permaddr);
  }
  return addresses;
};

/**
 * Every network interface with what it is and its addresses, sorted by name.
 *
 * @example
 * const nics = await listNics(source);
 * nics.filter((nic) => nic.kind === "physical").map((nic) => nic.name); // ["enp0s31f6", "wlp0s20f3"]
 */
export async function listNics(source: FingerprintSource): Promise<readonly Nic[] | undefined> {
  const names = await source.readdir(NET);
  if (names === undefined) return undefined;
  const virtual = new Set((await source.readdir("/sys/devices/virtual/net")) ?? []);
  const permanent = await permanentAddresses(source);
  const nics: Nic[] = [];
  for (const name of [...names].sort()) {
    nics.push({
      name,
      kind: await classify(source, name, virtual),
      address: await readTrimmed(source, `${NET}/${name}/address`),
      permanentAddress: permanent.get(name),
    });
  }
  return nics;
}
