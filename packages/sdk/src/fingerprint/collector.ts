import type { FingerprintSource } from "./source.js";
import type { ComponentKind, MissingReason, RawReading } from "./types.js";

/**
 * One version of the code that reads a machine. A version that reads differently from the one before names
 * it as `predecessor`, and every fingerprint carries the predecessor's set too (`Fingerprint.previous`), so
 * devices activated by an older SDK keep matching after an upgrade (design story 3).
 *
 * @example
 * const linuxV3: Collector = {
 *   name: "linux/3",
 *   predecessor: linuxV2,
 *   read: async (source) => [...(await linuxV2.read(source)), await readTpm(source)],
 * };
 */
export interface Collector {
  /** `platform/version`, e.g. `linux/2`; sent with the set and never reused for different behaviour. */
  readonly name: string;
  readonly predecessor?: Collector;
  /** Read this version's facts of the machine from the source (never a raw value leaves the device). */
  read(source: FingerprintSource): Promise<readonly RawReading[]>;
}

/**
 * Run one reader so that whatever it throws (a parser meeting output it never saw) costs only its own kind.
 * Only the error's name is kept: messages such as JSON.parse's quote the input, which may hold a serial.
 *
 * @example
 * const cpu = await guardReading("cpu", () => readCpu(source));
 */
export async function guardReading(
  kind: ComponentKind,
  read: () => Promise<RawReading>,
): Promise<RawReading> {
  try {
    return await read();
  } catch (error) {
    const detail = `reading failed (${error instanceof Error ? error.name : "non-error thrown"})`;
    return { kind, values: [], problem: { reason: "unreadable", detail } };
  }
}

/**
 * A reading that found nothing, with the reason a doctor shows.
 *
 * @example
 * return nothing("disk", "unreadable", "lsblk is not installed and /sys/block has no serial");
 */
export function nothing(kind: ComponentKind, reason: MissingReason, detail: string): RawReading {
  return { kind, values: [], problem: { reason, detail } };
}

/**
 * The names of a collector and all its predecessors, newest first.
 *
 * @example
 * collectorChain(linuxV2).map((c) => c.name); // ["linux/2", "linux/1"]
 */
export function collectorChain(collector: Collector): readonly Collector[] {
  const chain: Collector[] = [];
  for (let current: Collector | undefined = collector; current; current = current.predecessor) {
    chain.push(current);
  }
  return chain;
}
