import {
  COLLECTOR_MIGRATION_WINDOW_DAYS,
  DEFAULT_MATCH_THRESHOLD,
  defaultComponentWeights,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { view } from "./device.js";
import { predecessor } from "./migration.js";
import { allRules, type Observation } from "./rules.js";

/**
 * One machine before and after a collector release that reads every kind differently: the new collector's set
 * shares nothing with the stored one, and the predecessor's set (sent as `previous`) is the stored one. Only
 * migration help can keep the device, as on the server (`migrationSets` in core).
 */
const kinds = ["board", "cpu", "disk", "mac", "ram", "gpu", "os-install"];
const set = (collector: string, read: string) => ({
  collector,
  components: kinds.map((kind) => ({ kind, digest: `${read}-${kind}` })),
});
const xp = (read: number) => Array.from({ length: 10 }, (_, i) => read * 16 + i);
const before = view(set("sim/1", "v1"), xp(1));
const activation: Observation = { current: before, previous: undefined, dockable: false };
const migrated: Observation = {
  current: view(set("sim/2", "v2"), xp(2)),
  previous: view(set("sim/1", "v1"), xp(1)),
  dockable: false,
};
const rules = allRules(defaultComponentWeights, DEFAULT_MATCH_THRESHOLD);
const helped = rules.filter((r) => r.helped);
const bare = rules.filter((r) => !r.helped);
const WINDOW = COLLECTOR_MIGRATION_WINDOW_DAYS;

/** Each rule's verdict on the migrated machine at `day`, the device last seen on `lastSeen`. */
const verdicts = (rs: typeof rules, day: number, lastSeen: number) =>
  rs.map((r) => r.track(activation).check(migrated, { day, lastSeen }));

describe("collector migration in the model (the server's window)", () => {
  it("helps every helped rule alike for a device seen within the window, up to its last day", () => {
    expect(helped.length).toBe(8);
    expect(verdicts(helped, 400, 390)).toEqual(helped.map(() => true));
    expect(verdicts(helped, 400 + WINDOW, 400)).toEqual(helped.map(() => true));
  });

  it("refuses the predecessor's set for a device unseen longer than the window, under every helped rule", () => {
    const ninsho = helped[0];
    expect(ninsho?.name).toMatch(/^ninsho/);
    expect(verdicts(helped, 400 + WINDOW + 1, 400)).toEqual(helped.map(() => false));
    expect(ninsho?.track(activation).probe(migrated, { day: 500, lastSeen: 300 })).toBe(false);
  });

  it("gives the bare rows no help at all", () => {
    expect(verdicts(bare, 400, 390)).toEqual(bare.map(() => false));
  });

  it("trusts a predecessor's set only from a newer collector than the stored set's", () => {
    // The device already moved to sim/2: a sim/1 set sent beside sim/2 again is no migration (the server's
    // "each migration happens once"), whatever the device's last contact.
    expect(predecessor("sim/2", migrated, { day: 400, lastSeen: 399 })).toBeUndefined();
    expect(predecessor("sim/1", migrated, { day: 400, lastSeen: 399 })).toBe(migrated.previous);
    expect(predecessor("sim/1", migrated, { day: 400, lastSeen: 399 - WINDOW })).toBeUndefined();
  });
});
