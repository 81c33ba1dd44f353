/**
 * Capability: a customer with a floating key for N seats and curl, cloned VMs (one fingerprint on many
 * machines), and the seat ids another user of the same key let slip.
 * Attack: run more than N copies: activate the floating key as an ordinary device (a lease outside the pool),
 * check out from clones that share one fingerprint, or return (or keep alive) other users' seats to take their
 * place.
 * Expected: the key is never activated on a device (LICENSE_USES_SEATS); clones of one fingerprint share one
 * seat (each check-out hands it to the latest asker and the previous one's heartbeats fail); another's seat is
 * neither returned nor renewed without its secret (SEAT_NOT_FOUND), so the pool holds N seats, never more.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../testing/liveServer.js";
import { activate, machine, post } from "./support/machines.js";

const checkOut = (server: LiveServer, key: string, name: string) =>
  post(server, "/v1/seats", { key, fingerprint: machine(name), device: { name, platform: "linux" } });

const withSecret = (server: LiveServer, method: string, path: string, secret: string) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${secret}`,
      ...(method === "POST" ? { "content-type": "application/json" } : {}),
    },
    ...(method === "POST" ? { body: "{}" } : {}),
  });

describe("attack: more copies than seats", () => {
  let server: LiveServer;
  let key = "";
  beforeAll(async () => {
    server = await startLiveServer();
    const policy = await server.newPolicy({ channel: "floating", seats: 2, heartbeatTimeoutSeconds: 600 });
    key = (await server.newLicense(policy)).key;
  });
  afterAll(() => server.dispose());

  it("the floating key is never activated on a device", async () => {
    const answer = await activate(server, key, machine("side-door"));
    expect(answer.status).toBe(409);
    expect(answer.body.error?.code).toBe("LICENSE_USES_SEATS");
  });

  it("clones sharing one fingerprint share one seat; strangers cannot return or renew the others' seats", async () => {
    const clones = await Promise.all([0, 1, 2, 3].map(() => checkOut(server, key, "golden-image")));
    const ids = new Set(clones.map((c) => (c.body as { seat?: { id: string } }).seat?.id));
    expect(ids.size).toBe(1);
    // Only the last check-out's secret keeps the seat: the other clones' heartbeats fail.
    const secrets = clones.map((c) => String((c.body as { secret?: string }).secret));
    const seatId = [...ids][0] ?? "";
    const beats = await Promise.all(
      secrets.map((s) => withSecret(server, "POST", `/v1/seats/${seatId}/heartbeats`, s)),
    );
    expect(beats.filter((b) => b.status === 200)).toHaveLength(1);

    const victim = await checkOut(server, key, "colleague");
    expect(victim.status).toBe(201);
    const victimSeat = (victim.body as { seat?: { id: string } }).seat?.id ?? "";
    for (const secret of secrets) {
      expect((await withSecret(server, "DELETE", `/v1/seats/${victimSeat}`, secret)).status).toBe(404);
    }
    const third = await checkOut(server, key, "third-machine");
    expect(third.status).toBe(409);
    expect(third.body.error?.code).toBe("NO_SEAT_AVAILABLE");
  });
});
