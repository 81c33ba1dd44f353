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
  /**
   * Set by the server when it keys a presented fingerprint (`keyFingerprint`): the digest of the components
   * as the client sent them, which leases bind. Never sent by a client.
   */
  readonly presentedDigest?: string | undefined;
}

/**
 * Default weights. Unit-level facts (board, disk, NIC, install id) tell one machine from another and weigh
 * much; model-level facts (CPU model, RAM size, GPU model) are shared by every machine of one corporate order
 * and only break ties, so two laptops of one model never look like one device.
 *
 * A machine has two physical anchors that fail and are replaced independently and weigh alike: the board, with
 * the NIC soldered to it, and the system disk, with the OS install on it. A machine that keeps one anchor and
 * that anchor's companion is recognised after the other anchor is replaced (a board repair; a new disk with a
 * fresh install); one unit-level fact with the model facts never is (two unit-level identifiers together are,
 * see `compareComponents`). The install id is what a disk image carries to another machine, so it weighs far less
 * than an anchor, yet more than all model facts together: it is a container's only identity, and two
 * containers on one host must stay two devices. The NIC weighs least of the unit facts because docks and USB
 * adapters come and go and shared office docks are seen by many machines.
 * Measured by `npm run fleet` (bench/FLEET.md).
 */
export const defaultComponentWeights: Readonly<Record<string, number>> = {
  board: 35,
  disk: 35,
  "os-install": 15,
  mac: 10,
  cpu: 2,
  gpu: 2,
  ram: 1,
};

/**
 * Default share of the stored device's weight that must match for a fingerprint to be the same device, when
 * fewer than two unit-level identifiers are shared (two always recognise it, see `compareComponents`): midway
 * between one anchor with the model facts (0.40, refused) and one anchor with its companion (0.50, recognised).
 * The fleet simulator's held-out choice picks 0.35 with the pair rule (bench/FLEET.md); it is not taken,
 * because the phone-activation matcher compares slots of 6–10 bits against the same threshold, and at 0.35 one
 * colliding anchor slot (about one machine in 340) would pass for a stored device.
 */
export const DEFAULT_MATCH_THRESHOLD = 0.45;

/** One digest of a whole component set, order-independent; bound into leases so a lease names its machine. */
export function fingerprintDigest(components: readonly Component[]): string {
  const lines = components.map((c) => `${c.kind}:${c.digest.toLowerCase()}`).sort();
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}
