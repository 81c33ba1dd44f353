import { createHash } from "node:crypto";

/** One hardware or install fact of a device, as a salted digest: raw serials never leave the machine. */
export interface Component {
  /** What the fact is: `board`, `cpu`, `disk`, `mac`, `ram`, `gpu`, `os-install`, or a vendor's own kind. */
  readonly kind: string;
  /** Hex digest of the fact, salted per product on the device. */
  readonly digest: string;
}

/** A set of components read by one version of a collector. */
export interface ComponentSet {
  /** Name and version of the code that read the components, e.g. `linux/2`. */
  readonly collector: string;
  readonly components: Component[];
}

/**
 * What a client reports about its machine. A client whose collector changed how it reads hardware also sends
 * the set its predecessor would have read (`previous`), so an SDK upgrade never costs a device its activation.
 */
export interface Fingerprint extends ComponentSet {
  readonly previous?: ComponentSet[] | undefined;
}

/**
 * Default weights. Unit-level facts (board, disk, NIC, install id) tell one machine from another and weigh
 * much; model-level facts (CPU model, RAM size, GPU model) are shared by every machine of one corporate order
 * and weigh little, so two laptops of one model never look like one device.
 */
export const defaultComponentWeights: Readonly<Record<string, number>> = {
  board: 30,
  disk: 20,
  mac: 15,
  "os-install": 15,
  cpu: 5,
  gpu: 4,
  ram: 3,
};

/** Default share of the stored device's weight that must match for a fingerprint to be the same device. */
export const DEFAULT_MATCH_THRESHOLD = 0.55;

/** One digest of a whole component set, order-independent; bound into leases so a lease names its machine. */
export function fingerprintDigest(components: readonly Component[]): string {
  const lines = components.map((c) => `${c.kind}:${c.digest.toLowerCase()}`).sort();
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}
