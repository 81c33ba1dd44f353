import { describe, expect, it } from "vitest";
import { collectFingerprint } from "../../src/fingerprint/collect.js";
import type { FingerprintSource } from "../../src/fingerprint/source.js";
import { COMPONENT_KINDS } from "../../src/fingerprint/types.js";
import { alteredSource, fixtureSource, mapSource } from "./fixtureSource.js";
import { collectFixture, digestOf, digestsOf, kindCounts, SALT } from "./helpers.js";

const nothingReadable: FingerprintSource = {
  readFile: async () => undefined,
  readdir: async () => undefined,
  exec: async () => undefined,
  env: () => undefined,
};

const everythingThrows: FingerprintSource = {
  readFile: () => Promise.reject(new Error("EIO")),
  readdir: () => Promise.reject(new Error("EIO")),
  exec: () => Promise.reject(new Error("spawn EAGAIN")),
  env: () => {
    throw new Error("no env");
  },
};

describe("a machine where nothing can be read", () => {
  for (const platform of ["linux", "darwin", "win32"]) {
    it(`returns an empty ${platform} fingerprint naming every kind it lacks`, async () => {
      const result = await collectFingerprint({ productSalt: SALT, platform, source: nothingReadable });
      expect(result.fingerprint.components).toEqual([]);
      expect(result.unreadable.map((missing) => missing.kind).sort()).toEqual([...COMPONENT_KINDS].sort());
      for (const missing of result.unreadable) expect(missing.detail.length).toBeGreaterThan(0);
    });

    it(`does not throw on ${platform} when the source itself throws`, async () => {
      const result = await collectFingerprint({ productSalt: SALT, platform, source: everythingThrows });
      expect(result.fingerprint.components).toEqual([]);
      expect(result.unreadable.length).toBeGreaterThan(0);
    });
  }

  it("names an unsupported platform instead of throwing", async () => {
    const result = await collectFingerprint({ productSalt: SALT, platform: "aix", source: nothingReadable });
    expect(result.fingerprint).toEqual({ collector: "unsupported/0", components: [] });
    expect(new Set(result.unreadable.map((missing) => missing.reason))).toEqual(
      new Set(["unsupported-platform"]),
    );
  });
});

describe("Linux without root", () => {
  const asUser = alteredSource(fixtureSource("linux/desktop-asrock"), {
    deny: /\/dmi\/id\/(product_uuid|product_serial|board_serial)$/,
  });

  it("reports the board as unreadable, explains why, and keeps every other kind", async () => {
    const { fingerprint, unreadable } = await collectFixture("linux/desktop-asrock", { source: asUser });
    expect(kindCounts(fingerprint)).toEqual({ cpu: 1, disk: 1, gpu: 1, mac: 1, "os-install": 1, ram: 1 });
    expect(unreadable).toEqual([
      { kind: "board", reason: "unreadable", detail: expect.stringContaining("root") as unknown },
    ]);
  });
});

describe("tools that are missing or print the unexpected", () => {
  it("falls back to the current Wi-Fi address when `ip` is missing", async () => {
    const source = alteredSource(fixtureSource("linux/laptop-thinkpad"), { deny: /^ip / });
    const { fingerprint } = await collectFixture("linux/laptop-thinkpad", { source });
    expect(digestsOf(fingerprint, "mac")).toEqual([digestOf("mac", "ba:3e:7c:91:5d:22")]);
  });

  it("falls back to /sys/block when lsblk prints something that is not JSON", async () => {
    const source = alteredSource(fixtureSource("linux/desktop-asrock"), {
      commands: { "lsblk -J -o NAME,TYPE,SERIAL,MOUNTPOINT": "lsblk: unknown column: MOUNTPOINT\n" },
    });
    const { fingerprint } = await collectFixture("linux/desktop-asrock", { source });
    expect(digestsOf(fingerprint, "disk")).toEqual([digestOf("disk", "S4EWNX0R123456A")]);
  });

  it("says no physical NIC was found when only virtual ones exist", async () => {
    const { unreadable } = await collectFixture("linux/docker-container", {
      source: alteredSource(fixtureSource("linux/docker-container"), { deny: /^\/\.dockerenv$/ }),
    });
    expect(unreadable).toContainEqual({
      kind: "mac",
      reason: "not-found",
      detail: expect.any(String) as unknown,
    });
  });

  it("keeps ioreg and sysctl facts on macOS when system_profiler fails", async () => {
    const source = alteredSource(fixtureSource("macos/macbook-pro-m1"), { deny: /^system_profiler / });
    const { fingerprint, unreadable } = await collectFixture("macos/macbook-pro-m1", { source });
    expect(kindCounts(fingerprint)).toEqual({ board: 1, cpu: 1, "os-install": 1, ram: 1 });
    expect(unreadable.map(({ kind, reason }) => [kind, reason])).toEqual([
      ["disk", "unreadable"],
      ["mac", "unreadable"],
      ["gpu", "unreadable"],
    ]);
  });

  it("gives the same macOS digests from system_profiler and sysctl-less fallbacks when ioreg fails", async () => {
    const { fingerprint: full } = await collectFixture("macos/macbook-pro-m1");
    const source = alteredSource(fixtureSource("macos/macbook-pro-m1"), { deny: /^(ioreg|sysctl) / });
    const { fingerprint } = await collectFixture("macos/macbook-pro-m1", { source });
    expect(fingerprint.components).toEqual(full.components);
  });

  it("keeps the MachineGuid on Windows when PowerShell is blocked", async () => {
    const source = alteredSource(fixtureSource("windows/dell-optiplex"), { deny: /^powershell\.exe / });
    const { fingerprint, environment } = await collectFixture("windows/dell-optiplex", { source });
    expect(kindCounts(fingerprint)).toEqual({ "os-install": 1 });
    expect(environment.hint).toBe("unknown (PowerShell failed)");
  });

  it("reads PowerShell output where single results are objects or arrays are wrapped as {value, Count}", async () => {
    const cim = {
      ComputerSystemProduct: {
        UUID: "6A1F0C3E-2B4D-4E5F-8A9B-0C1D2E3F4A5B",
        IdentifyingNumber: "Default string",
      },
      BaseBoard: { SerialNumber: "Default string" },
      Processor: { Name: "Intel(R) Core(TM) i5-12400" },
      DiskDrive: { value: [{ Index: 0, SerialNumber: "  2J4520138745  " }], Count: 1 },
      SystemDiskIndex: null,
      NetworkAdapter: {
        Name: "Realtek PCIe GbE Family Controller",
        MACAddress: "04:7C:16:AA:BB:CC",
        PNPDeviceID: "PCI\\VEN_10EC&DEV_8168",
      },
      PhysicalMemory: { value: [{ Capacity: 8589934592 }, { Capacity: 8589934592 }], Count: 2 },
      VideoController: null,
      ContainerType: null,
    };
    const source = mapSource({}, { "powershell.exe *": JSON.stringify(cim) });
    const { fingerprint, unreadable } = await collectFingerprint({
      productSalt: SALT,
      platform: "win32",
      source,
    });
    expect(digestsOf(fingerprint, "board")).toEqual([
      digestOf("board", "6A1F0C3E-2B4D-4E5F-8A9B-0C1D2E3F4A5B"),
    ]);
    expect(digestsOf(fingerprint, "disk")).toEqual([digestOf("disk", "2J4520138745")]);
    expect(digestsOf(fingerprint, "ram")).toEqual([digestOf("ram", "16GiB")]);
    expect(unreadable.map(({ kind, reason }) => [kind, reason])).toEqual([
      ["os-install", "unreadable"],
      ["gpu", "not-found"],
    ]);
  });
});

describe("placeholder values", () => {
  it("reports a board whose every SMBIOS field is a placeholder as 'placeholder', not as a component", async () => {
    const cim = {
      ComputerSystemProduct: {
        UUID: "03000200-0400-0500-0006-000700080009",
        IdentifyingNumber: "To be filled by O.E.M.",
      },
      BaseBoard: { SerialNumber: "Default string" },
    };
    const source = mapSource({}, { "powershell.exe *": JSON.stringify(cim) });
    const { fingerprint, unreadable } = await collectFingerprint({
      productSalt: SALT,
      platform: "win32",
      source,
    });
    expect(digestsOf(fingerprint, "board")).toEqual([]);
    expect(unreadable).toContainEqual({
      kind: "board",
      reason: "placeholder",
      detail: expect.any(String) as unknown,
    });
  });

  it("ignores an image's uninitialised machine-id", async () => {
    const source = alteredSource(fixtureSource("linux/kvm-guest"), {
      files: { "/etc/machine-id": "uninitialized\n" },
    });
    const { unreadable } = await collectFixture("linux/kvm-guest", { source });
    expect(unreadable).toContainEqual({
      kind: "os-install",
      reason: "placeholder",
      detail: expect.any(String) as unknown,
    });
  });

  it("treats an empty containerId as none", async () => {
    const { unreadable } = await collectFixture("linux/docker-container", { containerId: "  " });
    expect(unreadable).toContainEqual({
      kind: "os-install",
      reason: "no-container-id",
      detail: expect.stringContaining("NINSHO_CONTAINER_ID") as unknown,
    });
  });
});
