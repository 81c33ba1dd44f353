/**
 * The SDK's seats against a live server: check-out, heartbeats, release; a server restart survived on the
 * seat held (the app is told its runway meanwhile); a lapsed seat taken again; and containers: a workload app
 * killed with SIGKILL gets its seat back after the timeout, one ended with SIGTERM returns it at once.
 */
import { createHash } from "node:crypto";
import { createSeatClient, type SeatEvent } from "@ninsho/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { eventually, exited, heldSeatIds, startWorkload } from "./support.js";

const TIMEOUT_SECONDS = 2;

describe("seats through the SDK", () => {
  let server: LiveServer;
  let floatingPolicy: string;
  let workloadPolicy: string;

  beforeAll(async () => {
    server = await startLiveServer();
    floatingPolicy = await server.newPolicy({ channel: "floating", seats: 2, heartbeatTimeoutSeconds: 60 });
    workloadPolicy = await server.newPolicy({
      channel: "workload",
      seats: 3,
      heartbeatTimeoutSeconds: TIMEOUT_SECONDS,
    });
  });
  afterAll(async () => {
    await server.dispose();
  });

  const machine = (name: string) => ({
    fingerprint: {
      collector: "test/1",
      components: [{ kind: "board", digest: createHash("sha256").update(name).digest("hex") }],
    },
    device: { name, platform: "linux" },
  });

  it("checks out, heartbeats, tells its runway, and releases", async () => {
    const { key, id } = await server.newLicense(floatingPolicy);
    const events: SeatEvent[] = [];
    const seats = createSeatClient({
      serverUrl: server.url,
      productKey: key,
      publicKeys: server.jwks,
      holder: machine("desk"),
      onEvent: (e) => events.push(e),
    });
    const started = await seats.start();
    if (!started.ok) throw new Error(started.problem.message);
    expect(started.value.kind).toBe("floating");
    expect(started.value.heartbeatIntervalSeconds).toBe(20);
    expect(seats.runwayMs()).toBeGreaterThan(50_000);
    const beat = await seats.heartbeat();
    expect(beat.ok && beat.value.id).toBe(started.value.id);
    expect(await heldSeatIds(server, id)).toEqual([started.value.id]);
    const released = await seats.release();
    expect(released.ok).toBe(true);
    expect(await heldSeatIds(server, id)).toEqual([]);
    expect(seats.runwayMs()).toBe(0);
    expect(events.map((e) => e.type)).toEqual(["checked-out", "renewed", "released"]);
  });

  it("survives a server restart: heartbeats fail meanwhile with the runway left, then go on with the same seat", async () => {
    const { key } = await server.newLicense(floatingPolicy);
    const events: SeatEvent[] = [];
    const seats = createSeatClient({
      serverUrl: server.url,
      productKey: key,
      publicKeys: server.jwks,
      holder: machine("restart"),
      onEvent: (e) => events.push(e),
    });
    const first = await seats.checkOut();
    if (!first.ok) throw new Error(first.problem.message);
    await server.stop();
    try {
      const failed = await seats.heartbeat();
      expect(failed.ok).toBe(false);
      expect(!failed.ok && failed.problem.code).toBe("SERVER_UNREACHABLE");
      const told = events.find((e) => e.type === "heartbeat-failed");
      expect(told?.type === "heartbeat-failed" && told.runwayMs).toBeGreaterThan(0);
    } finally {
      await server.start();
    }
    const again = await seats.heartbeat();
    expect(again.ok && again.value.id).toBe(first.value.id);
    await seats.release();
  });

  it("a full pool is a value with when the next seat frees; a lapsed seat is taken again by the next heartbeat", async () => {
    const { key } = await server.newLicense(workloadPolicy);
    const client = (id: string, events?: SeatEvent[]) =>
      createSeatClient({
        serverUrl: server.url,
        productKey: key,
        publicKeys: server.jwks,
        holder: { workload: { id } },
        ...(events ? { onEvent: (e: SeatEvent) => events.push(e) } : {}),
      });
    const events: SeatEvent[] = [];
    const mine = client("pod-a", events);
    const a = await mine.checkOut();
    const others = [client("pod-b"), client("pod-c")];
    for (const other of others) expect((await other.checkOut()).ok).toBe(true);
    const refused = await client("pod-d").checkOut();
    expect(!refused.ok && refused.problem.code).toBe("NO_SEAT_AVAILABLE");
    expect(!refused.ok && refused.problem.details).toMatchObject({ held: 3, seats: 3 });
    for (const other of others) await other.release();
    // pod-a misses its heartbeats past the timeout (a paused VM); its next heartbeat checks a seat out again.
    await new Promise((resolve) => setTimeout(resolve, (TIMEOUT_SECONDS + 0.5) * 1000));
    const back = await mine.heartbeat();
    expect(back.ok).toBe(true);
    expect(back.ok && a.ok && back.value.id !== a.value.id).toBe(true);
    expect(events.map((e) => e.type)).toEqual(["checked-out", "lost", "checked-out"]);
    await mine.release();
  });

  it("a container killed with SIGKILL leaks no seat: it comes back once the heartbeat timeout passes", async () => {
    const { key, id } = await server.newLicense(workloadPolicy);
    const { child, seatId } = await startWorkload(server, key, "api-killed");
    expect(await heldSeatIds(server, id)).toEqual([seatId]);
    child.kill("SIGKILL");
    await exited(child);
    // Bounded: the seat must be free within the timeout plus a margin for a loaded machine.
    expect(await eventually(async () => (await heldSeatIds(server, id)).length === 0, 30_000)).toBe(true);
  });

  it("a container stopped with SIGTERM returns its seat at once", async () => {
    // A long timeout: only the release can free the seat within this test.
    const longPolicy = await server.newPolicy({
      channel: "workload",
      seats: 3,
      heartbeatTimeoutSeconds: 3600,
    });
    const long = await server.newLicense(longPolicy);
    const { child } = await startWorkload(server, long.key, "api-stopped");
    expect(await heldSeatIds(server, long.id)).toHaveLength(1);
    child.kill("SIGTERM");
    await exited(child);
    expect(child.signalCode).toBe("SIGTERM");
    expect(await heldSeatIds(server, long.id)).toEqual([]);
  });
});
