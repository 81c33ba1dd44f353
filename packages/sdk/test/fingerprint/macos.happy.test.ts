import { describe, expect, it } from "vitest";
import { fixtureSource } from "./fixtureSource.js";
import { collectFixture, digestOf, digestsOf, kindCounts } from "./helpers.js";

describe("macos/1 on a MacBook Pro (M1 Pro)", () => {
  it("reads every kind once", async () => {
    const { fingerprint, environment, unreadable } = await collectFixture("macos/macbook-pro-m1");
    expect(fingerprint.collector).toBe("macos/1");
    expect(fingerprint.previous).toBeUndefined();
    expect(kindCounts(fingerprint)).toEqual({
      board: 1,
      cpu: 1,
      disk: 1,
      gpu: 1,
      mac: 1,
      "os-install": 1,
      ram: 1,
    });
    expect(environment).toEqual({ kind: "physical", hint: "no hypervisor evidence" });
    expect(unreadable).toEqual([]);
  });

  it("takes the serial number as board and IOPlatformUUID as install id from ioreg", async () => {
    const { fingerprint } = await collectFixture("macos/macbook-pro-m1");
    expect(digestsOf(fingerprint, "board")).toEqual([digestOf("board", "C02KM2J3XY92")]);
    expect(digestsOf(fingerprint, "os-install")).toEqual([
      digestOf("os-install", "7C3D9A2E-4F1B-5A6C-8D9E-0F1A2B3C4D5E"),
    ]);
  });

  it("keeps built-in Wi-Fi and leaves out the USB LAN adapter, tethered iPhone, bridge and VPN", async () => {
    const { fingerprint } = await collectFixture("macos/macbook-pro-m1");
    expect(digestsOf(fingerprint, "mac")).toEqual([digestOf("mac", "f0:2f:4b:12:9a:c7")]);
  });

  it("reads the internal SSD serial, CPU brand, memory range and GPU model", async () => {
    const { fingerprint } = await collectFixture("macos/macbook-pro-m1");
    expect(digestsOf(fingerprint, "disk")).toEqual([digestOf("disk", "0ba01a2b3c4d5e6f")]);
    expect(digestsOf(fingerprint, "cpu")).toEqual([digestOf("cpu", "Apple M1 Pro")]);
    expect(digestsOf(fingerprint, "ram")).toEqual([digestOf("ram", "16GiB")]);
    expect(digestsOf(fingerprint, "gpu")).toEqual([digestOf("gpu", "Apple M1 Pro")]);
  });

  it("runs system_profiler once for GPU, network and disks", async () => {
    const source = fixtureSource("macos/macbook-pro-m1");
    await collectFixture("macos/macbook-pro-m1", { source });
    expect(source.calls.filter((call) => call.startsWith("system_profiler"))).toHaveLength(1);
    expect(source.calls.filter((call) => call.startsWith("ioreg"))).toHaveLength(1);
  });
});

describe("macos/1 in a VMware guest", () => {
  it("reports the VM from the platform model", async () => {
    const { environment, fingerprint } = await collectFixture("macos/vmware-guest");
    expect(environment).toEqual({ kind: "vm", hint: "VMware (ioreg model)" });
    expect(digestsOf(fingerprint, "ram")).toEqual([digestOf("ram", "8GiB")]);
    expect(digestsOf(fingerprint, "mac")).toEqual([digestOf("mac", "00:0c:29:4f:8e:35")]);
    expect(digestsOf(fingerprint, "disk")).toEqual([digestOf("disk", "01000000000000000001")]);
  });
});
