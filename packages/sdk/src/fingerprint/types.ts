import type { Fingerprint } from "@ninsho/core";

/**
 * The kinds of component a collector reads. Unit-level: `board`, `disk`, `mac`, `os-install`;
 * model-level: `cpu`, `ram`, `gpu` (see the default weights in `@ninsho/core`).
 *
 * @example
 * const kind: ComponentKind = "board";
 */
export type ComponentKind = "board" | "cpu" | "disk" | "mac" | "ram" | "gpu" | "os-install";

/**
 * Every kind, in the order a doctor lists them.
 *
 * @example
 * for (const kind of COMPONENT_KINDS) console.log(kind);
 */
export const COMPONENT_KINDS: readonly ComponentKind[] = [
  "board",
  "disk",
  "mac",
  "os-install",
  "cpu",
  "gpu",
  "ram",
];

/**
 * Why a kind has no component in a fingerprint.
 * - `unreadable`: the file or command gave nothing (absent, permission denied, timed out, unparsable).
 * - `placeholder`: it was read, but only as a firmware placeholder such as "To Be Filled By O.E.M.".
 * - `not-found`: it was read, and the machine has no such part (e.g. no physical network adapter).
 * - `container`: deliberately not read inside a container, where it belongs to the host or to one run.
 * - `no-container-id`: a container whose vendor configured no `containerId` / `NINSHO_CONTAINER_ID`.
 * - `unsupported-platform`: no collector exists for this operating system.
 *
 * @example
 * const reason: MissingReason = "placeholder";
 */
export type MissingReason =
  | "unreadable"
  | "placeholder"
  | "not-found"
  | "container"
  | "no-container-id"
  | "unsupported-platform";

/**
 * A kind the fingerprint lacks, with a plain-English detail for a doctor. Never holds a raw value.
 *
 * @example
 * const missing: UnreadableKind = {
 *   kind: "board",
 *   reason: "unreadable",
 *   detail: "/sys/class/dmi/id/product_uuid could not be read (it is readable by root only)",
 * };
 */
export interface UnreadableKind {
  readonly kind: ComponentKind;
  readonly reason: MissingReason;
  readonly detail: string;
}

/**
 * What a reader found for one kind, before normalising and digesting. Raw values stay on the device: they
 * are digested by `buildComponentSet` and never returned from `collectFingerprint`.
 *
 * @example
 * const reading: RawReading = { kind: "cpu", values: ["AMD Ryzen 7 5800X 8-Core Processor"] };
 */
export interface RawReading {
  readonly kind: ComponentKind;
  readonly values: readonly string[];
  /** Where the values were read (a path or command), named to a doctor when they were all placeholders. */
  readonly from?: string;
  /** Why nothing (or only part) could be read; used when no value survives normalising. */
  readonly problem?: { readonly reason: MissingReason; readonly detail: string };
}

/**
 * Where the SDK runs. `hint` names the evidence (e.g. `docker (/.dockerenv)`, `QEMU (DMI sys_vendor)`).
 *
 * @example
 * const environment: Environment = { kind: "vm", hint: "QEMU (DMI sys_vendor)" };
 */
export interface Environment {
  readonly kind: "physical" | "vm" | "container";
  readonly hint: string;
}

/**
 * What `collectFingerprint` returns.
 *
 * @example
 * const result: FingerprintResult = await collectFingerprint({ productSalt: "prod_01J..." });
 * if (result.unreadable.length > 0) console.warn(result.unreadable);
 */
export interface FingerprintResult {
  readonly fingerprint: Fingerprint;
  readonly environment: Environment;
  /** Kinds absent from the current component set, and why. */
  readonly unreadable: readonly UnreadableKind[];
}
