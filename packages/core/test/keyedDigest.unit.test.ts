import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  compactComponents,
  compactFingerprint,
  compareCompact,
  compareFingerprint,
  defaultComponentWeights,
  fingerprintDigest,
  isKeyedDigest,
  keyComponents,
  keyedDigest,
  keyFingerprint,
  presentedDigest,
} from "../src/index.js";

const hex = (seed: string) => Buffer.from(seed.padEnd(32, "x")).toString("hex");
const components = ["board", "disk", "mac", "os-install", "cpu", "gpu", "ram", "vendor-kind"].map((kind) => ({
  kind,
  digest: hex(`${kind}-1`),
}));

describe("keyed component digests", () => {
  const key = randomBytes(32);

  it("are deterministic per key, differ across keys and kinds, and never contain the client's digest", () => {
    const digest = hex("mac-1");
    expect(keyedDigest(key, "mac", digest)).toBe(keyedDigest(key, "mac", digest.toUpperCase()));
    expect(keyedDigest(key, "mac", digest)).not.toBe(keyedDigest(randomBytes(32), "mac", digest));
    expect(keyedDigest(key, "mac", digest)).not.toBe(keyedDigest(key, "disk", digest));
    expect(keyedDigest(key, "mac", digest)).not.toContain(digest);
    expect(isKeyedDigest(keyedDigest(key, "vendor-kind", digest))).toBe(true);
    expect(keyedDigest(key, "vendor-kind", digest).startsWith("k1.0.")).toBe(true);
  });

  it("keying is idempotent and leaves compact digests alone", () => {
    const once = keyComponents(key, components);
    expect(keyComponents(key, once)).toEqual(once);
    const compact = [{ kind: "disk", digest: "c1.517" }];
    expect(keyComponents(key, compact)).toEqual(compact);
  });

  it("the full matcher recognises a keyed presentation of the same machine, also through `previous`", () => {
    const stored = keyComponents(key, components);
    const same = keyFingerprint(key, { collector: "linux/2", components });
    expect(compareFingerprint(stored, same, defaultComponentWeights, 0.45).score).toBe(1);
    const migrated = keyFingerprint(key, {
      collector: "linux/3",
      components: components.map((c) => ({ ...c, digest: hex(`${c.kind}-new`) })),
      previous: [{ collector: "linux/2", components }],
    });
    expect(compareFingerprint(stored, migrated, defaultComponentWeights, 0.45).score).toBe(1);
  });

  it("phone activation still matches: keyed digests keep the compact slot of the client's digest", () => {
    const stored = keyComponents(key, components);
    const fromIid = compactFingerprint(components);
    const explained = compareCompact(stored, fromIid, "linux/2", defaultComponentWeights, 0.45);
    expect([explained.score, explained.sameDevice]).toEqual([1, true]);
    // And the other way round: a device known only compactly, then presented online in keyed form.
    const storedCompactly = compactComponents(fromIid);
    const online = keyFingerprint(key, { collector: "linux/2", components });
    expect(compareFingerprint(storedCompactly, online, defaultComponentWeights, 0.45).sameDevice).toBe(true);
  });

  it("a lease binds the digest of what the client sent, not of the keyed set", () => {
    const keyed = keyFingerprint(key, { collector: "linux/2", components });
    expect(presentedDigest(keyed)).toBe(fingerprintDigest(components));
    expect(presentedDigest(keyed)).not.toBe(fingerprintDigest(keyed.components));
  });
});
