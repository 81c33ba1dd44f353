import { describe, expect, it } from "vitest";
import { fixtureSource } from "./fixtureSource.js";
import { collectFixture, digestOf, digestsOf, kindCounts } from "./helpers.js";

describe("windows/1 on a Dell OptiPlex", () => {
  it("reads every kind and says it runs on bare metal", async () => {
    const { fingerprint, environment, unreadable } = await collectFixture("windows/dell-optiplex");
    expect(fingerprint.collector).toBe("windows/1");
    expect(kindCounts(fingerprint)).toEqual({
      board: 3,
      cpu: 1,
      disk: 1,
      gpu: 1,
      mac: 2,
      "os-install": 1,
      ram: 1,
    });
    expect(environment).toEqual({ kind: "physical", hint: "no hypervisor evidence" });
    expect(unreadable).toEqual([]);
  });

  it("takes SMBIOS UUID, service tag and board serial as board components", async () => {
    const { fingerprint } = await collectFixture("windows/dell-optiplex");
    expect(digestsOf(fingerprint, "board")).toEqual(
      [
        digestOf("board", "4C4C4544-0037-5810-8035-B7C04F513133"),
        digestOf("board", "7XJ5Q13"),
        digestOf("board", "/7XJ5Q13/CNCMK0012345AB/"),
      ].sort(),
    );
  });

  it("keeps the PCI Ethernet and Wi-Fi, not TAP, WireGuard, Bluetooth PAN, a tethered phone or a USB dongle", async () => {
    const { fingerprint } = await collectFixture("windows/dell-optiplex");
    expect(digestsOf(fingerprint, "mac")).toEqual(
      [digestOf("mac", "D0:67:E5:3A:9B:21"), digestOf("mac", "8C:8D:28:4E:5F:60")].sort(),
    );
  });

  it("takes the system disk (not the USB stick listed first), memory sum, GPU id and MachineGuid", async () => {
    const { fingerprint } = await collectFixture("windows/dell-optiplex");
    expect(digestsOf(fingerprint, "disk")).toEqual([
      digestOf("disk", "E823_8FA6_BF53_0001_001B_448B_4A1B_2C3D."),
    ]);
    expect(digestsOf(fingerprint, "ram")).toEqual([digestOf("ram", "32GiB")]);
    expect(digestsOf(fingerprint, "gpu")).toEqual([digestOf("gpu", "8086:9BC5")]);
    expect(digestsOf(fingerprint, "os-install")).toEqual([
      digestOf("os-install", "8d1f0c2a-6b3e-4f7a-9c5d-2e8b1a4f6c30"),
    ]);
  });

  it("runs PowerShell once, with an encoded script and no shell", async () => {
    const source = fixtureSource("windows/dell-optiplex");
    await collectFixture("windows/dell-optiplex", { source });
    const powershell = source.calls.filter((call) => call.startsWith("powershell.exe"));
    expect(powershell).toHaveLength(1);
    expect(powershell[0]).toMatch(
      /^powershell\.exe -NoProfile -NonInteractive -EncodedCommand [A-Za-z0-9+/=]+$/,
    );
  });
});

describe("windows/1 in a Hyper-V guest", () => {
  it("reports Hyper-V, keeps the VMBus NIC and trims the padded CPU name", async () => {
    const { environment, fingerprint, unreadable } = await collectFixture("windows/hyperv-guest");
    expect(environment).toEqual({ kind: "vm", hint: "Hyper-V (SMBIOS)" });
    expect(digestsOf(fingerprint, "mac")).toEqual([digestOf("mac", "00:15:5D:01:6A:0C")]);
    expect(digestsOf(fingerprint, "cpu")).toEqual([digestOf("cpu", "AMD EPYC 7763 64-Core Processor")]);
    expect(unreadable.map(({ kind, reason }) => [kind, reason])).toEqual([
      ["disk", "placeholder"],
      ["gpu", "not-found"],
    ]);
  });
});
