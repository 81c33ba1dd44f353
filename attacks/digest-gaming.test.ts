/**
 * Capability: a client that edits what it reports (curl and a text editor): it knows the product key and has
 * read the licensed machine's component digests (from the wire, or a copy of its files).
 * Attack: (1) send the union of two machines' digests, so one fingerprint matches both; (2) send its own set
 * with the licensed machine's set as `previous`, so the score comes from the victim's set and the stored
 * baseline is replaced by the attacker's; (3) send far more digests than a machine has; (4) replay the licensed
 * machine's exact digests.
 * Expected: (1) a union matches neither machine (the device limit refuses it); (2) `previous` counts only in a
 * real collector migration — a newer collector than the device's, read from the device's own collector, once —
 * so a same-version claim is refused, and even a claimed migration never removes the owner's components from
 * the baseline (the owner is never answered FINGERPRINT_MISMATCH); (3) more than 8 digests of a kind or 64 in
 * all is a coded 400; (4) a perfect replay cannot be told from the machine by components: it is the lineage
 * that answers it (the owner's next refresh says LEASE_SUPERSEDED, the replay gets no lease by key). Honest
 * changes keep the device: a collector upgrade with `previous`, a new disk, more RAM.
 */
import type { Fingerprint } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../testing/liveServer.js";
import { activate, components, machine, validate, withChanged } from "./support/machines.js";

describe("attack: gaming the components", () => {
  let server: LiveServer;
  let singleSeat: string;
  beforeAll(async () => {
    server = await startLiveServer();
    singleSeat = await server.newPolicy({ maxDevices: 1 });
  });
  afterAll(() => server.dispose());

  const victimOn = async (name: string, collector = "linux/2") => {
    const license = await server.newLicense(singleSeat);
    const fp = machine(name, collector);
    const res = await activate(server, license.key, fp);
    expect(res.status).toBe(201);
    return { license, fp, lease: res.body.lease ?? "", deviceId: res.body.device?.id ?? "" };
  };

  it("the union of two machines' digests matches neither", async () => {
    const victim = await victimOn("union-victim");
    const union: Fingerprint = {
      collector: "linux/2",
      components: [...victim.fp.components, ...components("union-attacker")],
    };
    const res = await activate(server, victim.license.key, union);
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe("DEVICE_LIMIT_REACHED");
    expect(await validate(server, { lease: victim.lease }, victim.fp)).toMatchObject({
      body: { valid: true },
    });
  });

  it("the victim's set as `previous` does not score for a same-version collector, and never replaces the baseline", async () => {
    const victim = await victimOn("previous-victim");
    const attacker = machine("previous-attacker");
    const injected = { ...attacker, previous: [victim.fp] };
    const res = await activate(server, victim.license.key, injected);
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe("DEVICE_LIMIT_REACHED");
    const owner = await validate(server, { lease: victim.lease }, victim.fp);
    expect(owner.body).toMatchObject({ valid: true });
  });

  it("a claimed migration is taken once, and the owner's components stay: the owner is never mismatched", async () => {
    const victim = await victimOn("migration-victim");
    const claimed = { ...machine("migration-attacker", "linux/3"), previous: [victim.fp] };
    // Limit, stated honestly: a newer collector with the device's own set is what a real migration looks like.
    expect((await activate(server, victim.license.key, claimed)).status).toBe(200);
    // The owner's components stayed in the baseline (stored keyed, so asked by behaviour): its own set is
    // still recognised as the device, not FINGERPRINT_MISMATCH.
    const byKey = await validate(server, { key: victim.license.key }, victim.fp);
    expect(byKey.body).toMatchObject({
      device: { id: victim.deviceId },
      problem: { code: "DEVICE_PROOF_REQUIRED" },
    });
    // The owner is told why its lease stopped (a re-activation replaced it), not that it is another machine,
    // and its own key re-activation recognises it.
    const owner = await validate(server, { lease: victim.lease }, victim.fp);
    expect(owner.body.problem?.code).toBe("LEASE_SUPERSEDED");
    const back = await activate(server, victim.license.key, victim.fp, victim.lease);
    expect(back.status).toBe(200);
    expect(back.body.decision).toMatchObject({ outcome: "recognized", deviceId: victim.deviceId });
    // The same claim again is no migration: the device's collector does not go back.
    const replayed = await activate(server, victim.license.key, claimed);
    expect(replayed.body.error?.code).toBe("DEVICE_LIMIT_REACHED");
  });

  it("more digests than a machine has is a coded 400", async () => {
    const victim = await victimOn("bounds-victim");
    const boards = Array.from({ length: 9 }, (_, i) => components(`board-${i}`)[0]).flatMap((c) =>
      c ? [c] : [],
    );
    const perKind = { collector: "linux/2", components: [...victim.fp.components, ...boards] };
    const tooManyOfAKind = await activate(server, victim.license.key, perKind);
    expect(tooManyOfAKind.status).toBe(400);
    expect(tooManyOfAKind.body.error?.code).toBe("VALIDATION_FAILED");
    const previous = Array.from({ length: 4 }, (_, i) => ({
      collector: "linux/1",
      components: Array.from({ length: 15 }, (_, j) => ({
        kind: `k${j}`,
        digest: components(`p${i}-${j}`)[0]?.digest ?? "",
      })),
    }));
    const inAll = await activate(server, victim.license.key, { ...victim.fp, previous });
    expect(inAll.status).toBe(400);
    expect(inAll.body.error?.code).toBe("VALIDATION_FAILED");
  });

  it("a replay of the machine's exact digests is answered by the lineage, not the components", async () => {
    const victim = await victimOn("replay-victim");
    const replay = await activate(server, victim.license.key, victim.fp);
    expect(replay.status).toBe(200);
    expect((await validate(server, { key: victim.license.key }, victim.fp)).body.lease).toBeUndefined();
    const owner = await validate(server, { lease: victim.lease }, victim.fp);
    expect(owner.body).toMatchObject({ valid: false, problem: { code: "LEASE_SUPERSEDED" } });
  });

  it("honest changes keep the device: a collector upgrade with `previous`, a new disk, more RAM", async () => {
    const owner = await victimOn("honest-owner", "linux/1");
    const upgraded = {
      ...withChanged(
        machine("honest-owner", "linux/2"),
        ["board", "disk", "mac", "os-install", "cpu", "ram"],
        "v2",
      ),
      previous: [owner.fp],
    };
    const migrated = await validate(server, { lease: owner.lease }, upgraded);
    expect(migrated.body).toMatchObject({ valid: true });
    const lease = migrated.body.lease ?? owner.lease;
    const { previous: _previous, ...upgradedOnly } = upgraded;
    const newDisk = withChanged(upgradedOnly, ["disk"], "new-disk");
    const afterDisk = await validate(server, { lease }, newDisk);
    expect(afterDisk.body).toMatchObject({ valid: true });
    const moreRam = withChanged(newDisk, ["ram"], "64gb");
    expect((await validate(server, { lease: afterDisk.body.lease ?? lease }, moreRam)).body).toMatchObject({
      valid: true,
    });
  });
});
