import type { FingerprintSource } from "../source.js";
import type { Environment } from "../types.js";
import { vmVendorOf } from "../vmVendors.js";
import { readDmiModel } from "./board.js";
import { parseColonFile } from "./sysfs.js";

/** Runtimes that name themselves in the cgroup path of PID 1 (cgroup v1, and v2 with a private namespace off). */
const CGROUP_RUNTIMES: readonly (readonly [RegExp, string])[] = [
  [/kubepods/, "kubernetes"],
  [/docker/, "docker"],
  [/libpod/, "podman"],
  [/containerd|cri-o|crio/, "containerd"],
  [/\blxc\b|lxc\.payload/, "lxc"],
];

const detectContainer = async (source: FingerprintSource): Promise<string | undefined> => {
  if ((await source.readFile("/.dockerenv")) !== undefined) return "docker (/.dockerenv)";
  if ((await source.readFile("/run/.containerenv")) !== undefined) return "podman (/run/.containerenv)";
  const cgroup = (await source.readFile("/proc/1/cgroup")) ?? "";
  for (const [pattern, runtime] of CGROUP_RUNTIMES) {
    if (pattern.test(cgroup)) return `${runtime} (/proc/1/cgroup)`;
  }
  // With cgroup v2 namespaces PID 1 sees only "0::/"; Kubernetes still injects its service address.
  if (source.env("KUBERNETES_SERVICE_HOST") !== undefined) return "kubernetes (KUBERNETES_SERVICE_HOST)";
  return undefined;
};

const detectVm = async (source: FingerprintSource): Promise<string | undefined> => {
  const vendor = vmVendorOf(await readDmiModel(source));
  if (vendor !== undefined) return `${vendor} (DMI)`;
  const hypervisor = (await source.readFile("/sys/hypervisor/type"))?.trim();
  if (hypervisor) return `${hypervisor} (/sys/hypervisor/type)`;
  const flags = parseColonFile((await source.readFile("/proc/cpuinfo")) ?? "").get("flags") ?? "";
  if (flags.split(" ").includes("hypervisor")) return "hypervisor CPU flag";
  return undefined;
};

/**
 * Whether Linux runs in a container, a VM or on bare metal, with the evidence. A container wins over a VM:
 * a container in a cloud VM must be identified by its configured id, not by the VM it happens to run on.
 *
 * @example
 * await detectLinuxEnvironment(source); // { kind: "container", hint: "docker (/.dockerenv)" }
 */
export async function detectLinuxEnvironment(source: FingerprintSource): Promise<Environment> {
  const container = await detectContainer(source);
  if (container !== undefined) return { kind: "container", hint: container };
  const vm = await detectVm(source);
  if (vm !== undefined) return { kind: "vm", hint: vm };
  return { kind: "physical", hint: "no container or hypervisor evidence" };
}
