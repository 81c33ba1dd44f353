import type { Component, Fingerprint } from "@ninsho/core";
import { copyMachine, imageOnto, type Machine, newMachine } from "../machine.js";
import type { Rng } from "../prng.js";

/** How the copy is made and what its user does: one capability of the enforcement issue each. */
export interface Capability {
  readonly name: string;
  readonly description: string;
  /** A rewritten client is needed (the SDK as shipped cannot do this). */
  readonly rewritten: boolean;
  /** The copy's machine, from the owner's. */
  machine(owner: Machine, rng: Rng): Machine;
  /** What the copy holds when it starts: a copy of the owner's state folder (and device secret), or the key alone. */
  readonly copiesState: boolean;
  /** What the copy presents: its own fingerprint, or a forged one built from the owner's. */
  present?(own: Fingerprint, owner: Fingerprint): Fingerprint;
  /** The copy's refresh: by lease (the SDK), by key, or through the owner's machine (a relay). */
  readonly refresh: "lease" | "key" | "relay";
  /** What the copy's user does after a refusal: nothing more, activate again with the key, or also transfer. */
  readonly persistence: "stop" | "reactivate" | "transfer";
}

/** A machine of the same model as `m`, with `m`'s disk image (install id, volume serial, app and state). */
const sameModelImage = (m: Machine, rng: Rng): Machine => imageOnto(rng, m, m.sku);

const union = (own: Fingerprint, owner: Fingerprint): Fingerprint => {
  const seen = new Set<string>();
  const components: Component[] = [];
  for (const c of [...own.components, ...owner.components]) {
    const key = `${c.kind}:${c.digest}`;
    if (!seen.has(key)) components.push(c);
    seen.add(key);
  }
  return { collector: own.collector, components };
};

/** The capabilities, from a copied disk with the SDK as shipped to edits only a rewritten client makes. */
export const capabilities: readonly Capability[] = [
  {
    name: "disk-image, unmodified SDK",
    description: "the activated disk imaged onto a machine of the same model; the app runs as shipped",
    rewritten: false,
    machine: sameModelImage,
    copiesState: true,
    refresh: "lease",
    persistence: "stop",
  },
  {
    name: "vm-clone, unmodified SDK",
    description: "a perfect copy of the VM (same UUID, disks, MACs, lease and device secret) run beside it",
    rewritten: false,
    machine: (m) => copyMachine(m),
    copiesState: true,
    refresh: "lease",
    persistence: "stop",
  },
  {
    name: "vm-clone, new UUID and MAC",
    description:
      "a VM copy whose hypervisor gave it a new UUID and MAC (disks, install id, lease and secret copied)",
    rewritten: false,
    machine: (m, rng) => {
      const c = copyMachine(m);
      c.boardSerial = rng.unitId();
      c.onboardMac = rng.unitId();
      c.cardMacs = c.cardMacs.map(() => rng.unitId());
      return c;
    },
    copiesState: true,
    refresh: "lease",
    persistence: "stop",
  },
  {
    name: "disk swap into a same-model machine",
    description:
      "the activated disk moved into another machine of the same model; the first gets the image back",
    rewritten: false,
    machine: (m, rng) => {
      const c = newMachine(rng, m.sku, m.collector, m.setup);
      c.disks = [...m.disks];
      c.osInstall = m.osInstall;
      c.volumeSerial = m.volumeSerial;
      return c;
    },
    copiesState: true,
    refresh: "lease",
    persistence: "stop",
  },
  {
    name: "vm-clone, re-activation by key",
    description: "a perfect VM copy whose user, once refused, activates again with the key (state deleted)",
    rewritten: false,
    machine: (m) => copyMachine(m),
    copiesState: true,
    refresh: "lease",
    persistence: "reactivate",
  },
  {
    name: "deleted lease, re-activation and transfer by key",
    description:
      "another machine with the key alone: it activates, and when refused moves the license to itself",
    rewritten: false,
    machine: sameModelImage,
    copiesState: false,
    refresh: "lease",
    persistence: "transfer",
  },
  {
    name: "validation by key",
    description: "a perfect VM copy that never holds a lease and asks by key (state and secret deleted)",
    rewritten: false,
    machine: (m) => copyMachine(m),
    copiesState: false,
    refresh: "key",
    persistence: "stop",
  },
  {
    name: "digest replay",
    description: "a rewritten client on another machine sends the owner's digests with the key",
    rewritten: true,
    machine: sameModelImage,
    copiesState: false,
    present: (_own, owner) => owner,
    refresh: "lease",
    persistence: "reactivate",
  },
  {
    name: "digest union",
    description: "a rewritten client sends its own digests and the owner's together",
    rewritten: true,
    machine: sameModelImage,
    copiesState: false,
    present: union,
    refresh: "lease",
    persistence: "reactivate",
  },
  {
    name: "previous injection",
    description:
      "a rewritten client sends its own set with the owner's as `previous` (a fake collector migration)",
    rewritten: true,
    machine: sameModelImage,
    copiesState: false,
    present: (own, owner) => ({
      ...own,
      previous: [{ collector: owner.collector, components: owner.components }],
    }),
    refresh: "lease",
    persistence: "reactivate",
  },
  {
    name: "relay through the owner's machine",
    description:
      "the copy's requests are made by the owner's machine (its fingerprint and secret); the copy takes the answer",
    rewritten: true,
    machine: sameModelImage,
    copiesState: true,
    refresh: "relay",
    persistence: "stop",
  },
];
