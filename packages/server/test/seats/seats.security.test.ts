/**
 * Who may keep or return a seat. Attacker: another holder of the same key (or anyone who learned a seat id),
 * who tries to renew someone's seat to keep it from being reclaimed, or to return it to take its place; and
 * someone with the database, who must find no seat secret in it.
 */
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { devicePublicKeyText, signKeyProof } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { machine } from "../support/fingerprints.js";
import { call, errorOf, post, str } from "../support/http.js";
import { checkOutSeat, heartbeatSeat, heldSeat, returnSeat, seatCatalogue } from "../support/seats.js";
import { useServers } from "../support/server.js";
import { sqliteRows } from "../support/sqlite.js";

describe("seat security", () => {
  const servers = useServers();

  it("a stranger cannot heartbeat or return another's seat: no secret, a wrong one, or its own seat's", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 2 });
    const victim = await heldSeat(t, c.key, { fingerprint: machine("victim") });
    const stranger = await heldSeat(t, c.key, { fingerprint: machine("stranger") });
    const unknown = await heartbeatSeat(t, "seat_01JXXXXXXXXXXXXXXXXXXXXXXX", stranger.secret);
    for (const secret of [undefined, "A".repeat(43), stranger.secret, victim.lease.slice(0, 100)]) {
      const beat = await heartbeatSeat(t, victim.id, secret);
      expect(beat.status).toBe(404);
      // The same answer as for a seat that does not exist: the stranger learns nothing.
      expect(errorOf(beat).code).toBe(errorOf(unknown).code);
      const back = await returnSeat(t, victim.id, secret);
      expect(back.status).toBe(404);
      expect(errorOf(back).code).toBe("SEAT_NOT_FOUND");
    }
    // The victim's seat is still its own, and the pool still full.
    expect((await heartbeatSeat(t, victim.id, victim.secret)).status).toBe(200);
    expect(errorOf(await checkOutSeat(t, c.key, { fingerprint: machine("third") })).code).toBe(
      "NO_SEAT_AVAILABLE",
    );
  });

  it("the seat's lease is no credential: it cannot renew or return the seat", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 1 });
    const seat = await heldSeat(t, c.key, { fingerprint: machine("a") });
    const res = await t.app.request(`/v1/seats/${seat.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${seat.lease}` },
    });
    expect(res.status).toBe(404);
  });

  it("the database keeps only a digest of each seat's secret, and the machine's digests only in keyed form", async () => {
    const t = await servers.start({ storage: "file" });
    const c = await seatCatalogue(t, { seats: 1 });
    const fingerprint = machine("kept");
    const seat = await heldSeat(t, c.key, { fingerprint });
    const rows = await sqliteRows(t.dbPath ?? "", "select * from seats where id = ?", seat.id);
    const text = JSON.stringify(rows);
    expect(rows).toHaveLength(1);
    expect(text).not.toContain(seat.secret);
    for (const component of fingerprint.components) expect(text).not.toContain(component.digest);
  });
});

describe("seats kept by the holder's device proof", () => {
  const servers = useServers();

  const holderKey = () => {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    return { privateKey, deviceKey: devicePublicKeyText(publicKey) };
  };
  const proved = (privateKey: KeyObject, path: string, body: Record<string, unknown>, at: Date) => ({
    ...body,
    proof: signKeyProof(privateKey, { path, body, at }),
  });

  it("a seat checked out with a device key is renewed and returned only with the holder's proof", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 1 });
    const holder = holderKey();
    const checkOutBody = {
      key: c.key,
      fingerprint: machine("proven"),
      device: { name: "proven", platform: "linux" },
      deviceKey: holder.deviceKey,
    };
    const out = await post(
      t.app,
      "/v1/seats",
      proved(holder.privateKey, "/v1/seats", checkOutBody, t.clock.now()),
    );
    expect(out.status).toBe(201);
    const id = str(out.body, "seat.id");
    const secret = str(out.body, "secret");
    const beatPath = `/v1/seats/${id}/heartbeats`;
    // The secret alone no longer keeps it, nor a proof by another key, nor a proof over another request.
    expect((await heartbeatSeat(t, id, secret)).status).toBe(404);
    const stranger = holderKey();
    expect(
      (await heartbeatSeat(t, id, secret, proved(stranger.privateKey, beatPath, {}, t.clock.now()))).status,
    ).toBe(404);
    const elsewhere = proved(holder.privateKey, `/v1/seats/${id}`, {}, t.clock.now());
    expect((await heartbeatSeat(t, id, undefined, elsewhere)).status).toBe(404);
    const beat = await heartbeatSeat(
      t,
      id,
      undefined,
      proved(holder.privateKey, beatPath, {}, t.clock.now()),
    );
    expect(beat.status).toBe(200);
    // A genuine proof made 11 minutes off: the holder is told the server's time, to correct its clock once.
    const late = proved(holder.privateKey, beatPath, {}, new Date(t.clock.now().getTime() - 11 * 60_000));
    const stale = await heartbeatSeat(t, id, undefined, late);
    expect(errorOf(stale).code).toBe("DEVICE_PROOF_INVALID");
    expect(errorOf(stale).details).toMatchObject({
      reason: "stale",
      serverTime: t.clock.now().toISOString(),
    });
    // The return: the secret alone is refused, the proof in the DELETE's body returns it.
    expect((await returnSeat(t, id, secret)).status).toBe(404);
    const back = await call(
      t.app,
      "DELETE",
      `/v1/seats/${id}`,
      proved(holder.privateKey, `/v1/seats/${id}`, {}, t.clock.now()),
    );
    expect(back.status).toBe(200);
    expect((await checkOutSeat(t, c.key, { fingerprint: machine("next") })).status).toBe(201);
  });

  it("a device key offered without a valid proof of possession is refused at check-out", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 1 });
    const holder = holderKey();
    const other = holderKey();
    const body = {
      key: c.key,
      fingerprint: machine("x"),
      device: { name: "x", platform: "linux" },
      deviceKey: holder.deviceKey,
    };
    const res = await post(t.app, "/v1/seats", proved(other.privateKey, "/v1/seats", body, t.clock.now()));
    expect(res.status).toBe(401);
    expect(errorOf(res).code).toBe("DEVICE_PROOF_INVALID");
  });
});
