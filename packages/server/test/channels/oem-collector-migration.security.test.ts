/**
 * An OEM license across a collector release: a new SDK (or OS update) that reads the same board differently
 * presents a new board digest, with the set its predecessor read (`previous`). The binding follows the board to
 * its new digest, once, on validation and on activation by key — before, every OEM machine was refused
 * OEM_BOARD_CHANGED at the release (found by the fleet simulator, bench/FLEET.md).
 * Attacker: a user moving an OEM license to another machine with the SDK as shipped — its state copied (lease),
 * or its key typed — whose collector is newer, so it sends a `previous` set: that set is its own machine's old
 * reading, without the bound board, and is refused. A `previous` set on the same collector (no real migration)
 * speaks for nothing.
 */
import { describe, expect, it } from "vitest";
import { KINDS, machine, withChanged } from "../support/fingerprints.js";
import { errorOf } from "../support/http.js";
import { useServers } from "../support/server.js";
import { newBoard } from "./support.js";

interface ValidationBody {
  readonly valid: boolean;
  readonly problem?: { readonly code: string };
}

/** The machine as a newer collector reads it: every digest differs, the old reading sent beside it. */
const migrated = (name: string) => {
  const old = machine(name, "linux/1");
  const current = withChanged(machine(name, "linux/2"), [...KINDS], "v2");
  return { old, current, renewed: { ...current, previous: [old] } };
};

describe("OEM binding across a collector migration", () => {
  const servers = useServers("all");

  it("follows the board to the new collector's digest when the machine validates by lease", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ channel: "oem", maxDevices: 3 });
    const { old, current, renewed } = migrated("oem-updated");
    const { lease } = await t.activated(c.key, old);
    const answer = (await t.validate({ lease }, renewed)).body as unknown as ValidationBody & {
      lease: string;
    };
    expect(answer).toMatchObject({ valid: true });
    // From now on the new reading alone is the bound board; the timeline says why it moved.
    const next = (await t.validate({ lease: answer.lease }, current)).body;
    expect(next).toMatchObject({ valid: true });
    const bound = (await t.timeline(c.licenseId)).filter((e) => e.type === "license.bound");
    expect(bound.map((e) => e.data)).toEqual([{ kind: "board" }, { kind: "board", migrated: true }]);
    // Another machine is still another board.
    expect(errorOf(await t.activate(c.key, machine("oem-other", "linux/2"))).code).toBe("OEM_BOARD_CHANGED");
  });

  it("follows it too when the updated machine activates again by key", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ channel: "oem", maxDevices: 3 });
    const { old, current, renewed } = migrated("oem-reinstalled");
    const first = await t.activated(c.key, old);
    const again = await t.activate(c.key, renewed);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ device: { id: first.deviceId } });
    expect((await t.activate(c.key, current)).status).toBe(200);
  });

  it("refuses another machine whose newer collector sends its own old reading as previous", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ channel: "oem", maxDevices: 3 });
    const { lease } = await t.activated(c.key, machine("oem-owner", "linux/1"));
    const { renewed: elsewhere } = migrated("oem-friend");
    const byLease = (await t.validate({ lease }, elsewhere)).body as unknown as ValidationBody;
    expect(byLease.valid).toBe(false);
    expect(errorOf(await t.activate(c.key, elsewhere)).code).toBe("OEM_BOARD_CHANGED");
  });

  it("lets a previous set on the same collector speak for nothing", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ channel: "oem", maxDevices: 3 });
    const pc = machine("oem-claimed", "linux/1");
    const { lease } = await t.activated(c.key, pc);
    // The owner's disk and install moved into a machine with another board, claiming the old board as previous.
    const swapped = { ...newBoard(pc), previous: [pc] };
    const refused = (await t.validate({ lease }, swapped)).body as unknown as ValidationBody;
    expect(refused).toMatchObject({ valid: false, problem: { code: "OEM_BOARD_CHANGED" } });
    expect(errorOf(await t.activate(c.key, swapped)).code).toBe("OEM_BOARD_CHANGED");
  });
});
