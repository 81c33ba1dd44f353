/**
 * The seat client's last-state note (`seat.last.json`), written for `ninsho device doctor` when a state folder
 * is given: the seat held, the runway while heartbeats fail, the refusal, nothing once the seat is returned.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSeatClient, LAST_STATE_FILES, type SeatLastState } from "@ninsho/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";

describe("the seat client's note for the device doctor", () => {
  let server: LiveServer;
  let policy: string;
  beforeAll(async () => {
    server = await startLiveServer();
    policy = await server.newPolicy({ channel: "floating", seats: 1, heartbeatTimeoutSeconds: 600 });
  });
  afterAll(() => server.dispose());

  const client = (key: string, name: string, stateDir?: string) =>
    createSeatClient({
      serverUrl: server.url,
      productKey: key,
      publicKeys: server.jwks,
      holder: {
        fingerprint: {
          collector: "test/1",
          components: [{ kind: "board", digest: createHash("sha256").update(name).digest("hex") }],
        },
        device: { name, platform: "linux" },
      },
      ...(stateDir === undefined ? {} : { stateDir }),
    });
  const noteIn = (dir: string) =>
    JSON.parse(readFileSync(join(dir, LAST_STATE_FILES.seat), "utf8")) as SeatLastState;

  it("notes the seat held, the runway while heartbeats fail, and nothing once it is returned", async () => {
    const { key } = await server.newLicense(policy);
    const dir = mkdtempSync(join(tmpdir(), "ninsho-seat-note-"));
    const seats = client(key, "noted", dir);
    const held = await seats.checkOut();
    if (!held.ok) throw new Error(held.problem.message);
    expect(noteIn(dir)).toMatchObject({
      version: 1,
      held: { id: held.value.id, kind: "floating", expiresAt: held.value.expiresAt },
    });
    expect(statSync(join(dir, LAST_STATE_FILES.seat)).mode & 0o777).toBe(0o600);
    await server.stop();
    try {
      expect((await seats.heartbeat()).ok).toBe(false);
      const failing = noteIn(dir);
      expect(failing.held?.id).toBe(held.value.id);
      expect(failing.runwayMs).toBeGreaterThan(500_000);
      expect(failing.heartbeatFailure?.code).toBe("SERVER_UNREACHABLE");
    } finally {
      await server.start();
    }
    expect((await seats.heartbeat()).ok).toBe(true);
    expect(noteIn(dir).runwayMs).toBeUndefined();
    expect((await seats.release()).ok).toBe(true);
    const after = noteIn(dir);
    expect(after.held).toBeUndefined();
    expect(after.refused).toBeUndefined();
    // Written atomically: no temp file is left beside it.
    expect(readdirSync(dir)).toEqual([LAST_STATE_FILES.seat]);
  });

  it("notes a refusal with its plain facts only", async () => {
    const { key } = await server.newLicense(policy);
    const holder = client(key, "holder");
    expect((await holder.checkOut()).ok).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "ninsho-seat-note-"));
    expect((await client(key, "refused", dir).checkOut()).ok).toBe(false);
    const refused = noteIn(dir).refused;
    expect(refused).toMatchObject({ code: "NO_SEAT_AVAILABLE", details: { held: 1, seats: 1 } });
    expect(typeof refused?.details?.nextFreeAt).toBe("string");
    // The other holders the server lists are not copied into this machine's note.
    expect(JSON.stringify(refused)).not.toContain("holder");
    await holder.release();
  });
});
