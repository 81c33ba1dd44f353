/**
 * The channel rules on a fingerprint that came compactly (an installation ID read over the phone) and at
 * validation: the bound part compared by its compact slot, a binding made by phone sharpened once seen in full,
 * a bound kind too narrow to check by phone refused, trial marks that find a trial whichever way it was taken,
 * and a validating device whose board changed. Pure: decided on facts with no I/O.
 */
import {
  compactComponents,
  compactFingerprint,
  decideValidation,
  type Fingerprint,
  judgeBinding,
  keyComponents,
  trialMarkSets,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import {
  device,
  fingerprintOf,
  license,
  machine,
  NOW,
  policy,
  refusal,
} from "./support/activationFixtures.js";

const KEY = Buffer.alloc(32, 7);

/** A machine as the server sees it online (keyed digests) and by phone (compact `c1.` digests). */
const online = (unit: string): Fingerprint => fingerprintOf(keyComponents(KEY, machine(unit)));
const byPhone = (unit: string): Fingerprint =>
  fingerprintOf(compactComponents(compactFingerprint(machine(unit))));
const boardOf = (fp: Fingerprint) => ({
  kind: "board",
  digests: fp.components.filter((c) => c.kind === "board").map((c) => c.digest),
});

describe("bindings by phone", () => {
  const oem = policy({ channel: "oem" });

  it("compares the board by its slot: the bound board passes, another is refused", () => {
    const bound = license({ boundComponent: boardOf(online("a")) });
    expect(judgeBinding(bound, oem, byPhone("a"), "compact")).toEqual({ ok: true, value: { kind: "kept" } });
    expect(refusal(judgeBinding(bound, oem, byPhone("b"), "compact")).code).toBe("OEM_BOARD_CHANGED");
  });

  it("binds by the slot when the first activation is by phone, and sharpens to the full digest online", () => {
    const first = judgeBinding(license(), oem, byPhone("a"), "compact");
    expect(first).toEqual({ ok: true, value: { kind: "bind", bound: boardOf(byPhone("a")) } });
    const bound = license({ boundComponent: boardOf(byPhone("a")) });
    expect(judgeBinding(bound, oem, online("a"))).toEqual({
      ok: true,
      value: { kind: "sharpen", bound: boardOf(online("a")) },
    });
    expect(judgeBinding(bound, oem, byPhone("a"), "compact")).toEqual({ ok: true, value: { kind: "kept" } });
    expect(refusal(judgeBinding(bound, oem, online("b"))).code).toBe("OEM_BOARD_CHANGED");
  });

  it("a repair rebinds by phone too", () => {
    const repair = { at: NOW.toISOString(), actor: "token:tok_1", reason: "RMA" };
    const bound = license({ boundComponent: boardOf(online("a")), warrantyRepair: repair });
    const judged = judgeBinding(bound, oem, byPhone("b"), "compact");
    expect(judged).toEqual({ ok: true, value: { kind: "rebind", bound: boardOf(byPhone("b")), repair } });
  });

  it("refuses by phone a bundle bound to a kind with too few bits (GPU model, NIC) or none (a vendor's)", () => {
    for (const kind of ["gpu", "mac", "vendor-dongle"]) {
      const dsp = policy({ channel: "bundle", bundleComponent: kind });
      const judged = refusal(judgeBinding(license(), dsp, byPhone("a"), "compact"));
      expect(judged).toEqual({ code: "BOUND_COMPONENT_NOT_BY_PHONE", params: { kind } });
      // Online the same license is judged on the full digest as always.
      expect(judgeBinding(license(), dsp, online("a")).ok).toBe(kind !== "vendor-dongle");
    }
    const disk = policy({ channel: "bundle", bundleComponent: "disk" });
    expect(judgeBinding(license(), disk, byPhone("a"), "compact").ok).toBe(true);
  });
});

describe("trial marks, whichever way the trial came", () => {
  const sets = (fp: Fingerprint, form: "full" | "compact", product = "prd_app") =>
    trialMarkSets(KEY, product, fp, form);
  const meets = (check: readonly string[], record: readonly string[]) =>
    check.some((m) => record.includes(m));

  it("finds an online trial by phone and a phone trial online, on the same machine only", () => {
    expect(meets(sets(byPhone("a"), "compact").check, sets(online("a"), "full").record)).toBe(true);
    expect(meets(sets(online("a"), "full").check, sets(byPhone("a"), "compact").record)).toBe(true);
    expect(meets(sets(byPhone("a"), "compact").check, sets(byPhone("a"), "compact").record)).toBe(true);
    expect(meets(sets(byPhone("b"), "compact").check, sets(online("a"), "full").record)).toBe(false);
    expect(meets(sets(online("b"), "full").check, sets(byPhone("a"), "compact").record)).toBe(false);
    expect(meets(sets(byPhone("a"), "compact", "prd_other").check, sets(online("a"), "full").record)).toBe(
      false,
    );
  });

  it("online trials are compared compactly only with phone trials, never with each other", () => {
    const onlineMarks = sets(online("a"), "full");
    // The compact mark an online trial leaves is looked up by phone only (tc1), and online looks up tp1 only.
    const compactLeft = onlineMarks.record.filter((m) => !m.startsWith("t1."));
    expect(compactLeft.every((m) => m.startsWith("tc1."))).toBe(true);
    expect(onlineMarks.check.filter((m) => !m.startsWith("t1.")).every((m) => m.startsWith("tp1."))).toBe(
      true,
    );
  });

  it("a machine with no anchor leaves and looks up nothing (refused as BOUND_COMPONENT_MISSING)", () => {
    const bare = fingerprintOf(machine("a").filter((c) => c.kind !== "board" && c.kind !== "disk"));
    expect(sets(bare, "full")).toEqual({ check: [], record: [] });
    const compact = fingerprintOf(compactComponents(compactFingerprint(bare.components)));
    expect(sets(compact, "compact")).toEqual({ check: [], record: [] });
  });
});

describe("validation of a bound license", () => {
  const oem = policy({ channel: "oem" });
  const held = { device: device("dev_1", "a"), counter: 3 };
  const input = (boundTo: string, fp: Fingerprint, extra = {}) => ({
    license: license({ boundComponent: boardOf(fingerprintOf(machine(boundTo))), ...extra }),
    policy: oem,
    fingerprint: fp,
    now: NOW,
    held,
    leaseDue: () => false,
  });
  // The device after a board swap: disk, install and model facts still match (recognised by weight).
  const swapped = fingerprintOf(
    machine("a").map((c) => (c.kind === "board" ? { ...c, digest: "b-new" } : c)),
  );

  it("serves the bound board, refuses a swapped one with OEM_BOARD_CHANGED", () => {
    expect(decideValidation(input("a", fingerprintOf(machine("a")))).kind).toBe("serve");
    const refused = decideValidation(input("a", swapped));
    expect(refused).toMatchObject({ kind: "refuse", problem: { code: "OEM_BOARD_CHANGED" } });
  });

  it("with a warranty repair recorded, serves and asks to rebind to the new board", () => {
    const repair = { at: NOW.toISOString(), actor: "token:tok_1", reason: "RMA" };
    const decided = decideValidation(input("a", swapped, { warrantyRepair: repair }));
    expect(decided).toMatchObject({ kind: "serve", binding: { kind: "rebind", repair } });
  });
});
