import { createHash } from "node:crypto";

export interface Component {
  readonly kind: string;
  readonly digest: string;
}

export interface Fingerprint {
  readonly collector: string;
  readonly components: Component[];
  readonly previous?: { readonly collector: string; readonly components: Component[] }[];
}

/** The kinds a desktop collector reports, heaviest first under the default weights. */
export const KINDS = ["board", "disk", "mac", "os-install", "cpu", "gpu", "ram"] as const;

/** A salted-looking hex digest of a fact, as a real collector would send. */
export const digestOf = (fact: string): string => createHash("sha256").update(fact).digest("hex");

/**
 * A machine's fingerprint: every kind of `KINDS`, each digest derived from the machine's name, so the same
 * name always gives the same machine and two names share no component.
 */
export function machine(name: string, collector = "test/1"): Fingerprint {
  return { collector, components: KINDS.map((kind) => ({ kind, digest: digestOf(`${name}:${kind}`) })) };
}

/** The same machine with the named components replaced (a new disk, a new board…). */
export function withChanged(fp: Fingerprint, kinds: readonly string[], tag = "new"): Fingerprint {
  return {
    ...fp,
    components: fp.components.map((c) =>
      kinds.includes(c.kind) ? { kind: c.kind, digest: digestOf(`${c.digest}:${tag}`) } : c,
    ),
  };
}

let counter = 0;
/** A machine no other call has made. */
export const freshMachine = (prefix = "m"): Fingerprint => machine(`${prefix}-${process.pid}-${++counter}`);
