/**
 * Who may keep or return a seat. Attacker: another holder of the same key (or anyone who learned a seat id),
 * who tries to renew someone's seat to keep it from being reclaimed, or to return it to take its place; and
 * someone with the database, who must find no seat secret in it.
 */
import { deviceSecretText, newDeviceSecret, signDeviceProof } from "@ninsho/core";
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

  const holderSecret = () => {
    const secret = newDeviceSecret();
    return { secret, deviceSecret: deviceSecretText(secret) };
  };
  const proved = (secret: Buffer, path: string, body: Record<string, unknown>, at: Date) => ({
    ...body,
    proof: signDeviceProof(secret, { path, body, at }),
  });
  const checkOutBody = (key: string, name: string, deviceSecret: string) => ({
    key,
    fingerprint: machine(name),
    device: { name, platform: "linux" },
    deviceSecret,
  });
  /** Check a seat out with a device secret, and insist it worked. */
  const provenSeat = async (t: Awaited<ReturnType<typeof servers.start>>, key: string, name: string) => {
    const holder = holderSecret();
    const body = checkOutBody(key, name, holder.deviceSecret);
    const out = await post(t.app, "/v1/seats", proved(holder.secret, "/v1/seats", body, t.clock.now()));
    expect(out.status).toBe(201);
    // The secret is never answered back.
    expect(out.text).not.toContain(holder.deviceSecret);
    return { ...holder, id: str(out.body, "seat.id"), bearer: str(out.body, "secret") };
  };

  it("a seat checked out with a device secret is renewed and returned with the holder's device proof", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 1 });
    const seat = await provenSeat(t, c.key, "proven");
    const beatPath = `/v1/seats/${seat.id}/heartbeats`;
    const beat = await heartbeatSeat(t, seat.id, undefined, proved(seat.secret, beatPath, {}, t.clock.now()));
    expect(beat.status).toBe(200);
    const back = await call(
      t.app,
      "DELETE",
      `/v1/seats/${seat.id}`,
      proved(seat.secret, `/v1/seats/${seat.id}`, {}, t.clock.now()),
    );
    expect(back.status).toBe(200);
    expect((await checkOutSeat(t, c.key, { fingerprint: machine("next") })).status).toBe(201);
  });

  it("a forged proof, another holder's proof, or a proof over another request neither renews nor returns the seat", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 2 });
    const victim = await provenSeat(t, c.key, "victim");
    const other = await provenSeat(t, c.key, "other");
    const beatPath = `/v1/seats/${victim.id}/heartbeats`;
    const backPath = `/v1/seats/${victim.id}`;
    const now = t.clock.now();
    const forged = { proof: { at: now.toISOString(), sig: "A".repeat(43) } };
    const attempts: { bearer?: string; body: Record<string, unknown> }[] = [
      // The bearer secret alone (it travelled once, in the check-out's answer).
      { bearer: victim.bearer, body: {} },
      { body: forged },
      // Another device's genuine proof, over this very request.
      { body: proved(other.secret, beatPath, {}, now) },
      // The victim's own proof, but over another route (a captured return sent as a heartbeat).
      { body: proved(victim.secret, backPath, {}, now) },
      // The victim's proof of another body (a nonce changed on the way).
      { body: { ...proved(victim.secret, beatPath, { nonce: "n".repeat(24) }, now), nonce: "m".repeat(24) } },
    ];
    for (const attempt of attempts) {
      const beat = await heartbeatSeat(t, victim.id, attempt.bearer, attempt.body);
      expect(beat.status).toBe(404);
      expect(errorOf(beat).code).toBe("SEAT_NOT_FOUND");
    }
    for (const body of [
      forged,
      proved(other.secret, backPath, {}, now),
      proved(victim.secret, beatPath, {}, now),
    ]) {
      const back = await call(t.app, "DELETE", backPath, body);
      expect(back.status).toBe(404);
      expect(errorOf(back).code).toBe("SEAT_NOT_FOUND");
    }
    expect((await returnSeat(t, victim.id, victim.bearer)).status).toBe(404);
    // The victim's seat is still held: the pool stays full.
    expect(errorOf(await checkOutSeat(t, c.key, { fingerprint: machine("third") })).code).toBe(
      "NO_SEAT_AVAILABLE",
    );
    expect(
      (await heartbeatSeat(t, victim.id, undefined, proved(victim.secret, beatPath, {}, t.clock.now())))
        .status,
    ).toBe(200);
  });

  it("a captured proof sent again after its 10 minutes is refused as stale, as a validation's is", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 1, heartbeatTimeoutSeconds: 3600 });
    const seat = await provenSeat(t, c.key, "replayed");
    const beatPath = `/v1/seats/${seat.id}/heartbeats`;
    const captured = proved(seat.secret, beatPath, {}, t.clock.now());
    expect((await heartbeatSeat(t, seat.id, undefined, captured)).status).toBe(200);
    t.clock.advance(11 * 60_000);
    const replayed = await heartbeatSeat(t, seat.id, undefined, captured);
    expect(replayed.status).toBe(401);
    expect(errorOf(replayed).code).toBe("DEVICE_PROOF_INVALID");
    // The server's time, for an honest holder to correct its clock once.
    expect(errorOf(replayed).details).toMatchObject({
      reason: "stale",
      serverTime: t.clock.now().toISOString(),
    });
    const back = await call(
      t.app,
      "DELETE",
      `/v1/seats/${seat.id}`,
      proved(seat.secret, `/v1/seats/${seat.id}`, {}, new Date(t.clock.now().getTime() - 11 * 60_000)),
    );
    expect(errorOf(back).code).toBe("DEVICE_PROOF_INVALID");
  });

  it("a device secret offered without a proof made with it is refused at check-out", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 1 });
    const holder = holderSecret();
    const other = holderSecret();
    const body = checkOutBody(c.key, "x", holder.deviceSecret);
    for (const sent of [
      proved(other.secret, "/v1/seats", body, t.clock.now()),
      { ...body, proof: { at: t.clock.now().toISOString(), sig: "A".repeat(43) } },
      body,
    ]) {
      const res = await post(t.app, "/v1/seats", sent);
      expect(res.status).toBe(401);
      expect(errorOf(res).code).toBe("DEVICE_PROOF_INVALID");
    }
  });

  it("the database keeps the holder's device secret only sealed", async () => {
    const t = await servers.start({ storage: "file" });
    const c = await seatCatalogue(t, { seats: 1 });
    const seat = await provenSeat(t, c.key, "sealed");
    const rows = await sqliteRows(t.dbPath ?? "", "select * from seats where id = ?", seat.id);
    expect(rows).toHaveLength(1);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(seat.deviceSecret);
    expect(text).not.toContain(seat.secret.toString("hex"));
  });
});
