import {
  type Component,
  closestDeviceBy,
  compactFingerprint,
  compareCompact,
  compareComponents,
  compareFingerprint,
  type Device,
  type MatchExplanation,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { device } from "./support/activationFixtures.js";
import { c, set, T, W } from "./support/matchingFixtures.js";

// The pair rule (bench/FLEET.md, held out): two unit-level identifiers shared in kinds that match recognise a
// machine whatever its score; below two, the weighted score decides against the threshold.

/** A VM with two vNICs (board = VM UUID). */
const vm: readonly Component[] = [
  c("board", "b0a4d1"),
  c("disk", "d15c01"),
  c("mac", "aa0001"),
  c("mac", "aa0002"),
  c("os-install", "05e001"),
  c("cpu", "c9a001"),
  c("ram", "4a0016"),
];
/** A desktop with two disks and one NIC on its board. */
const desktop: readonly Component[] = [
  c("board", "b0a4d2"),
  c("disk", "d15c11"),
  c("disk", "d15c12"),
  c("mac", "aa0011"),
  c("os-install", "05e011"),
  c("cpu", "c9a001"),
  c("gpu", "69a001"),
  c("ram", "4a0016"),
];
const renewed = (components: readonly Component[], ...digests: string[]): Component[] =>
  components.map((x) => (digests.includes(x.digest) ? c(x.kind, `new-${x.digest}`) : x));

describe("the pair rule", () => {
  describe("happy: a machine that kept two of its serials", () => {
    it("recognises a VM moved to another cluster by its install id and the vNIC it kept", () => {
      const moved = compareComponents(vm, set(renewed(vm, "b0a4d1", "d15c01", "aa0001")), W, T);
      expect(moved.score).toBeLessThan(T);
      expect(moved).toMatchObject({ unitIds: 2, sameDevice: true });
    });

    it("recognises a desktop after a board repair and a reimage by its two disks", () => {
      const repaired = renewed(desktop, "b0a4d2", "aa0011", "05e011");
      const e = compareComponents(desktop, set(repaired), W, 0.5);
      expect(e.score).toBeLessThan(0.5);
      expect(e).toMatchObject({ unitIds: 2, sameDevice: true });
    });

    it("a set recognised by a pair explains the fingerprint before a higher-scoring set that is not", () => {
      // The current set keeps the install id and both vNICs; the predecessor's keeps the board alone.
      const current = renewed(vm, "b0a4d1", "d15c01");
      const previous = renewed(vm, "d15c01", "aa0001", "aa0002", "05e001");
      const e = compareFingerprint(vm, { ...set(current, "linux/3"), previous: [set(previous)] }, W, 0.5);
      expect(e).toMatchObject({ collector: "linux/3", unitIds: 3, sameDevice: true });
    });

    it("an activation recognises the device matched by a pair before a closer-scoring one that is not", () => {
      const byPair: MatchExplanation = {
        score: 0.3,
        threshold: 0.5,
        sameDevice: true,
        unitIds: 2,
        collector: "c/1",
        components: [],
      };
      const closer: MatchExplanation = { ...byPair, score: 0.45, sameDevice: false, unitIds: 1 };
      const devices: Device[] = [device("dev_b", "b"), device("dev_a", "a")];
      const closest = closestDeviceBy(devices, (d) => (d.id === "dev_a" ? byPair : closer));
      expect(closest?.device.id).toBe("dev_a");
    });

    it("does not hold for an installation ID: slots of a few bits are no serials (compact matcher)", () => {
      const moved = renewed(vm, "b0a4d1", "d15c01");
      expect(compareComponents(vm, set(moved), W, 0.9).sameDevice).toBe(true);
      expect(compareCompact(vm, compactFingerprint(moved), "linux/2", W, 0.9).sameDevice).toBe(false);
    });
  });

  describe("error: another machine shares at most one serial", () => {
    it("refuses a disk image on another machine of the same model (the install id alone)", () => {
      const imaged = renewed(desktop, "b0a4d2", "d15c11", "d15c12", "aa0011");
      expect(compareComponents(desktop, set(imaged), W, T)).toMatchObject({ unitIds: 1, sameDevice: false });
    });

    it("refuses a second machine of one corporate order (model facts only)", () => {
      const other = renewed(desktop, "b0a4d2", "d15c11", "d15c12", "aa0011", "05e011");
      expect(compareComponents(desktop, set(other), W, T)).toMatchObject({ unitIds: 0, sameDevice: false });
    });

    it("counts no ids of a kind the policy weighs at nothing", () => {
      const weights = { board: 10, disk: 10, mac: 0, "os-install": 0 };
      const moved = renewed(vm, "b0a4d1", "d15c01", "aa0001");
      expect(compareComponents(vm, set(moved), weights, 0.5)).toMatchObject({
        unitIds: 0,
        sameDevice: false,
      });
    });
  });

  describe("security: no pair from digests of several machines", () => {
    it("a union of two machines' NICs matches no kind and counts nothing", () => {
      const laptop = [
        c("board", "b0a4d1"),
        c("mac", "aa0001"),
        c("os-install", "05e001"),
        c("cpu", "c9a001"),
      ];
      const union = [c("mac", "aa0001"), c("mac", "ff0001"), c("os-install", "05e001"), c("cpu", "c9a001")];
      const e = compareComponents(laptop, set(union), W, T);
      expect(e).toMatchObject({ unitIds: 1, sameDevice: false });
    });

    it("padding a kind with foreign digests turns its shared ones into none", () => {
      const padded = [
        ...renewed(desktop, "b0a4d2", "aa0011", "05e011"),
        c("disk", "ff0001"),
        c("disk", "ff0002"),
      ];
      expect(compareComponents(desktop, set(padded), W, 0.9)).toMatchObject({
        unitIds: 0,
        sameDevice: false,
      });
    });

    it("pairs spread over the current and the previous set do not add up", () => {
      const current = [c("os-install", "05e001")];
      const previous = [c("mac", "aa0001"), c("mac", "ff0009")];
      const e = compareFingerprint(vm, { ...set(current, "linux/3"), previous: [set(previous)] }, W, 0.9);
      expect(e.sameDevice).toBe(false);
    });
  });
});
