import { describe, expect, it } from "vitest";
import { alteredSource, fixtureSource } from "./fixtureSource.js";
import { collectFixture, digestOf, digestsOf, kindCounts } from "./helpers.js";

describe("linux/2 on a physical desktop (ASRock board, Docker installed)", () => {
  it("reads one component per stable fact and says it runs on bare metal", async () => {
    const { fingerprint, environment, unreadable } = await collectFixture("linux/desktop-asrock");
    expect(fingerprint.collector).toBe("linux/2");
    expect(kindCounts(fingerprint)).toEqual({
      board: 2,
      cpu: 1,
      disk: 1,
      gpu: 1,
      mac: 1,
      "os-install": 1,
      ram: 1,
    });
    expect(environment.kind).toBe("physical");
    expect(unreadable).toEqual([]);
  });

  it("uses the UUID and board serial, and drops the product serial left as 'To Be Filled By O.E.M.'", async () => {
    const { fingerprint } = await collectFixture("linux/desktop-asrock");
    expect(digestsOf(fingerprint, "board")).toEqual(
      [
        digestOf("board", "e3b8a1d2-4f6c-0b3a-9d5e-a8a159c2d4f7"),
        digestOf("board", "M80-DC012345678"),
      ].sort(),
    );
  });

  it("takes the MAC of the PCI NIC only, not docker0 or a veth", async () => {
    const { fingerprint } = await collectFixture("linux/desktop-asrock");
    expect(digestsOf(fingerprint, "mac")).toEqual([digestOf("mac", "a8:a1:59:c2:d4:f7")]);
  });

  it("takes the serial of the disk holding / (NVMe), not the data disk", async () => {
    const { fingerprint } = await collectFixture("linux/desktop-asrock");
    expect(digestsOf(fingerprint, "disk")).toEqual([digestOf("disk", "S4EWNX0R123456A")]);
  });

  it("reads CPU model, memory range, GPU PCI id and machine-id", async () => {
    const { fingerprint } = await collectFixture("linux/desktop-asrock");
    expect(digestsOf(fingerprint, "cpu")).toEqual([digestOf("cpu", "AMD Ryzen 7 5800X 8-Core Processor")]);
    expect(digestsOf(fingerprint, "ram")).toEqual([digestOf("ram", "32GiB")]);
    expect(digestsOf(fingerprint, "gpu")).toEqual([digestOf("gpu", "10DE:2484")]);
    expect(digestsOf(fingerprint, "os-install")).toEqual([
      digestOf("os-install", "5f3c9a1e8b2d4c6fa7e0d1b2c3a4f5e6"),
    ]);
  });

  it("finds the same disk serial in /sys/block when lsblk is missing", async () => {
    const source = alteredSource(fixtureSource("linux/desktop-asrock"), { deny: /^lsblk / });
    const { fingerprint } = await collectFixture("linux/desktop-asrock", { source });
    expect(digestsOf(fingerprint, "disk")).toEqual([digestOf("disk", "S4EWNX0R123456A")]);
  });
});

describe("linux/2 on a laptop (Wi-Fi with a random address, docker0, tethered phone, WireGuard, OpenVPN)", () => {
  it("keeps only the Wi-Fi card, by its burnt-in address rather than the randomised one", async () => {
    const { fingerprint } = await collectFixture("linux/laptop-thinkpad");
    expect(digestsOf(fingerprint, "mac")).toEqual([digestOf("mac", "a4:c3:f0:8e:61:2b")]);
  });

  it("follows LUKS and LVM down to the NVMe disk that holds /", async () => {
    const { fingerprint } = await collectFixture("linux/laptop-thinkpad");
    expect(digestsOf(fingerprint, "disk")).toEqual([digestOf("disk", "S64KNF0R712345")]);
  });

  it("reads UUID, board serial and system serial as three board components", async () => {
    const { fingerprint, unreadable } = await collectFixture("linux/laptop-thinkpad");
    expect(digestsOf(fingerprint, "board")).toHaveLength(3);
    expect(unreadable).toEqual([]);
  });
});

describe("linux/2 in a KVM guest", () => {
  it("reports a VM named by its DMI vendor and keeps the VM's own virtio NIC", async () => {
    const { fingerprint, environment } = await collectFixture("linux/kvm-guest");
    expect(environment).toEqual({ kind: "vm", hint: "QEMU/KVM (DMI)" });
    expect(digestsOf(fingerprint, "mac")).toEqual([digestOf("mac", "52:54:00:7a:3c:19")]);
    expect(digestsOf(fingerprint, "board")).toEqual([
      digestOf("board", "8f3a6c2e-5d1b-4e7a-9c0f-2b4d6e8a1c3f"),
    ]);
  });

  it("says why the disk is missing: the virtio disk has a blank serial", async () => {
    const { unreadable } = await collectFixture("linux/kvm-guest");
    expect(unreadable).toEqual([
      { kind: "disk", reason: "placeholder", detail: expect.stringContaining("vda") as unknown },
    ]);
  });
});

describe("linux/2 on the machine these fixtures were recorded from (a sandbox container in a VM)", () => {
  it("reports the container and keeps only model-level facts", async () => {
    const { fingerprint, environment } = await collectFixture("linux/sandbox-recorded");
    expect(environment).toEqual({ kind: "container", hint: "docker (/.dockerenv)" });
    expect(kindCounts(fingerprint)).toEqual({ cpu: 1, ram: 1 });
    expect(digestsOf(fingerprint, "ram")).toEqual([digestOf("ram", "24GiB")]);
  });
});
