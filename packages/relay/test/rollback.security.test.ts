/**
 * Attacker: the customer's IT, who restores the relay's data folder from an old backup (fewer admissions on
 * record, so slots free again), edits its database by hand, or sets its clock back (to keep an ended grant
 * going, or to replay time). The relay's counters are bound to the grant and chained; the leases it signed
 * carry their slot and admission back to it; its clock may not fall behind what it already signed.
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { openRelay, RELAY_FILES, relayUsage } from "@ninsho/relay";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import {
  activationBody,
  aMachine,
  aRelay,
  DAY_S,
  newVendor,
  postJson,
  renewalBody,
  T0,
} from "./support/relay.js";

describe("a relay restored from an old backup cannot admit more than its grant", () => {
  it("gives a slot taken twice back to the device admitted first, evicts the other and admits no one new", async () => {
    const relay = aRelay(newVendor(), { max: 3 });
    let { app, ctx } = relay.open();
    const [a, b, c, d, e] = ["A", "B", "C", "D", "E"].map(aMachine);
    if (!a || !b || !c || !d || !e) throw new Error("machines");
    for (const m of [a, b])
      expect((await postJson(app, "/v1/activations", activationBody(m, relay.clock.read()))).status).toBe(
        201,
      );
    const db = join(relay.dataFolder, RELAY_FILES.database);
    const backup = join(relay.dataDir, "backup.db");
    copyFileSync(db, backup);
    relay.clock.now += 60_000;
    const cLease = String(
      (await postJson(app, "/v1/activations", activationBody(c, relay.clock.read()))).body.lease,
    );
    ctx.db.close();
    copyFileSync(backup, db);
    ({ app, ctx } = relay.open());
    relay.clock.now += 60_000;
    // The restored relay has a free slot again, and gives it away: D now holds slot 3 as C does.
    const dAnswer = await postJson(app, "/v1/activations", activationBody(d, relay.clock.read()));
    expect(dAnswer.status).toBe(201);
    expect(dAnswer.body.device).toMatchObject({ slot: 3 });
    // C renews: its lease (the relay's own signature) proves records the relay no longer has.
    relay.clock.now += DAY_S * 1000;
    const asked = await postJson(app, "/v1/renewals", renewalBody(c, cLease, relay.clock.read()));
    expect(asked.status).toBe(409);
    expect(asked.body.error).toMatchObject({ code: "RELAY_STATE_ROLLBACK", details: { restorable: true } });
    const restored = await postJson(app, "/v1/renewals", renewalBody(c, cLease, relay.clock.read(), true));
    expect(restored.status).toBe(200);
    expect(restored.body.device).toMatchObject({ slot: 3 });
    // D, admitted on the stale records, is refused at its renewal; nobody new gets in.
    const dRenewal = await postJson(
      app,
      "/v1/renewals",
      renewalBody(d, String(dAnswer.body.lease), relay.clock.read()),
    );
    expect(dRenewal.body.error?.code).toBe("RELAY_STATE_ROLLBACK");
    const eAnswer = await postJson(app, "/v1/activations", activationBody(e, relay.clock.read()));
    expect(eAnswer.body.error?.code).toBe("RELAY_STATE_ROLLBACK");
    expect(relayUsage(ctx)).toMatchObject({ admitted: 3, rollbacks: 1, locked: true });
  });

  it("restores a device its records lost when its slot is still free, and keeps admitting", async () => {
    const relay = aRelay(newVendor(), { max: 3 });
    let { app, ctx } = relay.open();
    const [a, b, c] = ["A", "B", "C"].map(aMachine);
    if (!a || !b || !c) throw new Error("machines");
    await postJson(app, "/v1/activations", activationBody(a, relay.clock.read()));
    const db = join(relay.dataFolder, RELAY_FILES.database);
    copyFileSync(db, join(relay.dataDir, "backup.db"));
    const bLease = String(
      (await postJson(app, "/v1/activations", activationBody(b, relay.clock.read()))).body.lease,
    );
    ctx.db.close();
    copyFileSync(join(relay.dataDir, "backup.db"), db);
    ({ app, ctx } = relay.open());
    const restored = await postJson(app, "/v1/renewals", renewalBody(b, bLease, relay.clock.read(), true));
    expect(restored.status).toBe(200);
    expect(
      (await postJson(app, "/v1/activations", activationBody(c, relay.clock.read()))).body.device,
    ).toMatchObject({ slot: 3 });
    expect(relayUsage(ctx)).toMatchObject({ admitted: 3, rollbacks: 1, locked: false });
  });

  it("refuses to start on a database whose admissions were edited by hand", async () => {
    const relay = aRelay(newVendor(), { max: 2 });
    const { app, ctx } = relay.open();
    await postJson(app, "/v1/activations", activationBody(aMachine("A"), relay.clock.read()));
    await postJson(app, "/v1/activations", activationBody(aMachine("B"), relay.clock.read()));
    ctx.db.close();
    const raw = new Database(join(relay.dataFolder, RELAY_FILES.database));
    raw.prepare("DELETE FROM devices WHERE slot = 2").run();
    raw.close();
    const reopened = openRelay({
      dataDir: relay.dataFolder,
      grantFile: relay.grantPath,
      clock: relay.clock.read,
    });
    expect(!reopened.ok && reopened.error.code).toBe("RELAY_STATE_ROLLBACK");
  });
});

describe("a relay detects its clock set back", () => {
  it("refuses to sign once its clock reads earlier than a lease it signed", async () => {
    const relay = aRelay(newVendor());
    const { app } = relay.open();
    const machine = aMachine("A");
    relay.clock.now = T0 + 20 * DAY_S * 1000;
    const first = await postJson(app, "/v1/activations", activationBody(machine, relay.clock.read()));
    expect(first.status).toBe(201);
    relay.clock.now = T0 + 2 * DAY_S * 1000;
    const again = await postJson(app, "/v1/activations", activationBody(aMachine("B"), relay.clock.read()));
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe("RELAY_CLOCK_ROLLBACK");
  });

  it("refuses to start with a clock earlier than the grant's issue time", () => {
    const relay = aRelay(newVendor());
    relay.clock.now = T0 - DAY_S * 1000;
    const opened = openRelay({
      dataDir: relay.dataFolder,
      grantFile: relay.grantPath,
      clock: relay.clock.read,
    });
    expect(!opened.ok && opened.error.code).toBe("RELAY_CLOCK_ROLLBACK");
  });

  it("takes a lease it signed, presented back, as a time anchor even when its own records are older", async () => {
    const relay = aRelay(newVendor());
    let { app, ctx } = relay.open();
    const machine = aMachine("A");
    const db = join(relay.dataFolder, RELAY_FILES.database);
    relay.clock.now = T0 + 10 * DAY_S * 1000;
    const lease = String(
      (await postJson(app, "/v1/activations", activationBody(machine, relay.clock.read()))).body.lease,
    );
    ctx.db.close();
    // The clock goes back and the records with it: the lease still carries the time it was signed.
    const raw = new Database(db);
    raw.prepare("UPDATE counters SET trusted_ms = ?").run(T0);
    raw.close();
    ({ app, ctx } = relay.open());
    relay.clock.now = T0 + DAY_S * 1000;
    const renewed = await postJson(app, "/v1/renewals", renewalBody(machine, lease, relay.clock.read()));
    expect(renewed.body.error?.code).toBe("RELAY_CLOCK_ROLLBACK");
    expect(relayUsage(ctx).trustedTime.getTime()).toBe(T0 + 10 * DAY_S * 1000);
  });
});
