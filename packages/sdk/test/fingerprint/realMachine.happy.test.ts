import { describe, expect, it } from "vitest";
import { collectFingerprint } from "../../src/fingerprint/collect.js";
import { SALT } from "./helpers.js";

/** The machine the tests run on, read for real through node:fs and execFile. */
describe.runIf(process.platform === "linux")("collectFingerprint on this Linux machine", () => {
  it("returns a sensible, deterministic fingerprint", async () => {
    const first = await collectFingerprint({ productSalt: SALT });
    const second = await collectFingerprint({ productSalt: SALT });
    expect(second).toEqual(first);

    const { fingerprint, environment, unreadable } = first;
    expect(fingerprint.collector).toBe("linux/2");
    expect(fingerprint.previous?.map((set) => set.collector)).toEqual(["linux/1"]);
    // Every Linux has /proc/cpuinfo and /proc/meminfo, whatever it runs in.
    const kinds = new Set(fingerprint.components.map((component) => component.kind));
    expect(kinds.has("cpu")).toBe(true);
    expect(kinds.has("ram")).toBe(true);
    for (const { digest } of fingerprint.components) expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(["physical", "vm", "container"]).toContain(environment.kind);
    expect(environment.hint.length).toBeGreaterThan(0);
    // Every kind is either present or explained.
    for (const kind of ["board", "cpu", "disk", "mac", "ram", "gpu", "os-install"]) {
      const explained = unreadable.some((missing) => missing.kind === kind && missing.detail.length > 0);
      expect(kinds.has(kind) || explained, kind).toBe(true);
    }
  });

  it("finishes well within a startup budget", async () => {
    const started = performance.now();
    await collectFingerprint({ productSalt: SALT });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
