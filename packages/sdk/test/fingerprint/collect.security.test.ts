import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { collectFingerprint } from "../../src/fingerprint/collect.js";
import { componentDigest } from "../../src/fingerprint/digest.js";
import { nodeSource } from "../../src/fingerprint/nodeSource.js";
import type { FingerprintSource } from "../../src/fingerprint/source.js";
import { fixtureSource, sensitiveValues } from "./fixtureSource.js";
import { collectFixture, digestOf, SALT } from "./helpers.js";

const MACHINES = [
  "linux/desktop-asrock",
  "linux/laptop-thinkpad",
  "linux/kvm-guest",
  "linux/docker-container",
  "macos/macbook-pro-m1",
  "macos/vmware-guest",
  "windows/dell-optiplex",
  "windows/hyperv-guest",
];

/** Every spelling of a raw value that would give it away: as is, without separators, unsalted hashes. */
const spellings = (raw: string): string[] => {
  const bare = raw.replace(/[^0-9a-z]/gi, "");
  const hashes = [raw, raw.toUpperCase(), bare.toUpperCase()].map((value) =>
    createHash("sha256").update(value).digest("hex"),
  );
  return [raw, bare, ...hashes].map((spelling) => spelling.toLowerCase());
};

describe("no raw identifier leaves collectFingerprint", () => {
  for (const machine of MACHINES) {
    it(`${machine}: no serial, UUID, MAC or install id appears in the result, in any spelling`, async () => {
      const sensitive = await sensitiveValues(machine);
      expect(sensitive.length).toBeGreaterThan(0);
      const output = JSON.stringify(await collectFixture(machine, { containerId: "worker-1" })).toLowerCase();
      for (const raw of sensitive) {
        for (const spelling of spellings(raw)) expect(output, raw).not.toContain(spelling);
      }
    });
  }

  it("keeps raw values out of problem details even when a reader throws an error that quotes one", async () => {
    const leaky = fixtureSource("linux/desktop-asrock");
    const source: FingerprintSource = {
      ...leaky,
      readFile: async (path) => {
        if (path === "/proc/cpuinfo") throw new SyntaxError("Unexpected token in S4EWNX0R123456A");
        return leaky.readFile(path);
      },
    };
    const result = await collectFixture("linux/desktop-asrock", { source });
    expect(JSON.stringify(result)).not.toContain("S4EWNX0R123456A");
    expect(result.environment.hint).toBe("unknown (detection failed: SyntaxError)");
    expect(result.unreadable).toContainEqual({
      kind: "cpu",
      reason: "unreadable",
      detail: "reading failed (SyntaxError)",
    });
  });
});

describe("digests", () => {
  it("are HMAC-SHA256 keyed by 'ninsho/fingerprint/v1/' + salt over kind NUL value, in hex", () => {
    const expected = createHmac("sha256", `ninsho/fingerprint/v1/${SALT}`)
      .update("board\u0000S4EWNX0R123456A")
      .digest("hex");
    expect(componentDigest(SALT, "board", "S4EWNX0R123456A")).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it("differ between products, so two vendors cannot join their device tables", async () => {
    const a = await collectFixture("linux/laptop-thinkpad", { salt: "prod_A" });
    const b = await collectFixture("linux/laptop-thinkpad", { salt: "prod_B" });
    const digestsA = new Set(a.fingerprint.components.map((component) => component.digest));
    for (const { digest } of b.fingerprint.components) expect(digestsA.has(digest)).toBe(false);
    expect(b.fingerprint.components).toHaveLength(a.fingerprint.components.length);
  });

  it("are equal for one product across runs", async () => {
    const first = await collectFixture("windows/dell-optiplex");
    const second = await collectFixture("windows/dell-optiplex");
    expect(second).toEqual(first);
  });

  it("bind the kind, so one value read as two kinds gives two digests", () => {
    expect(digestOf("board", "ABC123")).not.toBe(digestOf("disk", "ABC123"));
  });

  it("are all 64 lowercase hex digits", async () => {
    for (const machine of MACHINES) {
      const { fingerprint } = await collectFixture(machine, { containerId: "worker-1" });
      for (const set of [fingerprint, ...(fingerprint.previous ?? [])]) {
        for (const { digest } of set.components) expect(digest).toMatch(/^[0-9a-f]{64}$/);
      }
    }
  });
});

describe("the real-machine source", () => {
  it("runs programs without a shell, so no argument is ever interpreted", async () => {
    const injected = "$(echo pwned); `echo pwned` | echo pwned";
    const output = await nodeSource().exec("echo", [injected]);
    expect(output).toBe(`${injected}\n`);
  });

  it("gives up on a command after its timeout and answers undefined", async () => {
    const started = Date.now();
    expect(await nodeSource({ timeoutMs: 200 }).exec("sleep", ["5"])).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("answers undefined for a missing program, file or directory", async () => {
    const source = nodeSource();
    expect(await source.exec("ninsho-no-such-program", [])).toBeUndefined();
    expect(await source.readFile("/ninsho/no/such/file")).toBeUndefined();
    expect(await source.readdir("/ninsho/no/such/dir")).toBeUndefined();
  });

  it("does not run the predecessor's commands a second time", async () => {
    const source = fixtureSource("linux/desktop-asrock");
    await collectFingerprint({ productSalt: SALT, platform: "linux", source });
    expect(source.calls.sort()).toEqual(["ip -j link show", "lsblk -J -o NAME,TYPE,SERIAL,MOUNTPOINT"]);
  });
});
