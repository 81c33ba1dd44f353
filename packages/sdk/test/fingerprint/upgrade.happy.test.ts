import {
  type Component,
  compareFingerprint,
  DEFAULT_MATCH_THRESHOLD,
  defaultComponentWeights,
  type Fingerprint,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { collectorChain } from "../../src/fingerprint/collector.js";
import { buildComponentSet } from "../../src/fingerprint/componentSet.js";
import { linuxV1, linuxV2 } from "../../src/fingerprint/linux/collectors.js";
import { alteredSource, fixtureSource } from "./fixtureSource.js";
import { collectFixture, SALT } from "./helpers.js";

const compare = (stored: readonly Component[], presented: Fingerprint) =>
  compareFingerprint(stored, presented, defaultComponentWeights, DEFAULT_MATCH_THRESHOLD);

/** What a device activated by an SDK that shipped only linux/1 has on the server. */
const storedByV1 = async (machine: string) =>
  buildComponentSet(linuxV1.name, await linuxV1.read(fixtureSource(machine)), SALT).set.components;

describe("collector versions (design story 3)", () => {
  it("chains linux/2 to linux/1 and sends the predecessor's set as `previous`", async () => {
    expect(collectorChain(linuxV2).map((collector) => collector.name)).toEqual(["linux/2", "linux/1"]);
    const { fingerprint } = await collectFixture("linux/laptop-thinkpad");
    expect(fingerprint.previous?.map((set) => set.collector)).toEqual(["linux/1"]);
    expect(fingerprint.previous?.[0]?.components).toEqual(await storedByV1("linux/laptop-thinkpad"));
  });

  it("keeps a device activated under linux/1 matching in full after the SDK upgrade", async () => {
    for (const machine of ["linux/laptop-thinkpad", "linux/desktop-asrock", "linux/kvm-guest"]) {
      const stored = await storedByV1(machine);
      const { fingerprint } = await collectFixture(machine);
      const match = compare(stored, fingerprint);
      expect(match, machine).toMatchObject({ sameDevice: true, score: 1 });
    }
  });

  it("shows what `previous` buys: the new set alone differs from what linux/1 stored", async () => {
    const stored = await storedByV1("linux/laptop-thinkpad");
    const { fingerprint } = await collectFixture("linux/laptop-thinkpad");
    const { previous: _previous, ...currentOnly } = fingerprint;
    expect(compare(stored, fingerprint).collector).toBe("linux/1");
    const alone = compare(stored, currentOnly);
    expect(alone.score).toBeLessThan(1);
    expect(alone.components.find((component) => component.kind === "mac")?.outcome).toBe("changed");
  });

  it("reads each file and command once for the whole chain", async () => {
    const source = fixtureSource("linux/laptop-thinkpad");
    await collectFixture("linux/laptop-thinkpad", { source });
    expect(source.calls.filter((call) => call.startsWith("ip "))).toHaveLength(1);
  });
});

describe("stable components (design story 2 and the model-level note)", () => {
  it("still recognises the desktop after a BIOS update rewrites the system UUID", async () => {
    const { fingerprint: before } = await collectFixture("linux/desktop-asrock");
    const updated = alteredSource(fixtureSource("linux/desktop-asrock"), {
      files: { "/sys/class/dmi/id/product_uuid": "03000200-0400-0500-0006-000700080009\n" },
    });
    const { fingerprint: after } = await collectFixture("linux/desktop-asrock", { source: updated });
    const match = compare(before.components, after);
    expect(match.sameDevice).toBe(true);
    expect(match.components.find((component) => component.kind === "board")?.outcome).toBe("matched");
  });

  it("never takes two laptops of one model for one device", async () => {
    const { fingerprint: first } = await collectFixture("linux/laptop-thinkpad");
    const sibling = alteredSource(fixtureSource("linux/laptop-thinkpad"), {
      files: {
        "/sys/class/dmi/id/product_uuid": "5b1a3c7e-2d4f-11b2-a85c-e1f0d2c3ffff\n",
        "/sys/class/dmi/id/product_serial": "PF2KQ8AB\n",
        "/sys/class/dmi/id/board_serial": "L1HF14X09ZZ\n",
        "/etc/machine-id": "0a1b2c3d4e5f60718293a4b5c6d7e8f9\n",
      },
      commands: {
        "lsblk -J -o NAME,TYPE,SERIAL,MOUNTPOINT": JSON.stringify({
          blockdevices: [{ name: "nvme0n1", type: "disk", serial: "S64KNF0R799999", mountpoint: "/" }],
        }),
        "ip -j link show": JSON.stringify([{ ifname: "wlp0s20f3", permaddr: "a4:c3:f0:8e:77:01" }]),
      },
    });
    const { fingerprint: second } = await collectFixture("linux/laptop-thinkpad", { source: sibling });
    const match = compare(first.components, second);
    expect(match.sameDevice).toBe(false);
    expect(
      match.components.filter((component) => component.outcome === "matched").map((c) => c.kind),
    ).toEqual(["cpu", "gpu", "ram"]);
  });
});
