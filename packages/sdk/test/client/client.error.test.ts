import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { backoffDelay, ClientOptionError, createClient, STATE_FILES } from "../../src/index.js";
import {
  activatedDevice,
  clientFor,
  countingFetch,
  DAY,
  machine,
  readState,
  tempDir,
  testClock,
  writeState,
} from "./support/device.js";
import { type FakeServer, fixedServer, hangingServer } from "./support/fakeServers.js";

let server: LiveServer;
const fakes: FakeServer[] = [];
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
  await server.dispose();
});

const fake = async (started: Promise<FakeServer>) => {
  const f = await started;
  fakes.push(f);
  return f;
};

/** An activated folder, then a client on it that talks to `url` instead of the real server. */
async function deviceBehind(url: string, options: Parameters<typeof clientFor>[2] = {}) {
  const { dir, status } = await activatedDevice(server);
  return { dir, before: status, client: clientFor({ ...server, url }, dir, options) };
}

describe("client: bad input", () => {
  it("catches a typo before any network call and names its group", async () => {
    const { key } = await server.newLicense();
    const network = countingFetch();
    const client = clientFor(server, tempDir(), { fetch: network.fetch });
    // Two different neighbours in group 4 (characters 18…22) swapped.
    const at = [18, 19, 20, 21].find((i) => key[i] !== key[i + 1]) ?? 18;
    const swapped = `${key.slice(0, at)}${key[at + 1]}${key[at]}${key.slice(at + 2)}`;
    const result = await client.installKey(swapped);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe("KEY_MALFORMED");
    expect(result.problem.message).toContain("group 4 has a typo");
    expect(result.problem.details).toMatchObject({ kind: "checksum", groups: [4] });
    expect(result.status.state).toBe("no_key");
    expect((await client.installKey("JYTG9-X6CJ6")).ok).toBe(false);
    expect(network.calls()).toBe(0);
  });

  it("refuses wrong options at once", () => {
    const base = {
      url: server.url,
      productId: server.productId,
      publicKeys: server.jwks,
      storageDir: tempDir(),
      productSalt: "a-salt-shipped-with-the-app",
    };
    expect(() => createClient({ ...base, url: "activation.example.com" })).toThrow(TypeError);
    expect(() => createClient({ ...base, publicKeys: [] })).toThrow(/empty/);
    expect(() => createClient({ ...base, publicKeys: { kty: "RSA", kid: "k" } })).toThrow(/Ed25519/);
    expect(() => createClient({ ...base, refreshFraction: 1.5 })).toThrow(RangeError);
  });

  it("refuses to collect the machine's fingerprint without the product's salt: a coded error, at once", () => {
    const { productSalt: _salt, ...options } = {
      url: server.url,
      productId: server.productId,
      publicKeys: server.jwks,
      storageDir: tempDir(),
      productSalt: "",
    };
    for (const given of [options, { ...options, productSalt: "  " }]) {
      let thrown: unknown;
      try {
        createClient({ ...given, locale: "ja" });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ClientOptionError);
      const problem = thrown instanceof ClientOptionError ? thrown.problem : undefined;
      expect(problem?.code).toBe("PRODUCT_SALT_MISSING");
      expect(problem?.remedy).toContain("productSalt");
      expect(problem?.message).toMatch(/ソルト/);
    }
    // A client that reads the machine its own way salts nothing here.
    expect(() => createClient({ ...options, fingerprint: async () => machine("m") })).not.toThrow();
  });

  it("reports activation without a key, deactivation without a lease", async () => {
    const client = clientFor(server, tempDir());
    const activation = await client.activate();
    expect(!activation.ok && activation.problem.code).toBe("KEY_NOT_INSTALLED");
    const deactivation = await client.deactivate();
    expect(!deactivation.ok && deactivation.problem.code).toBe("NOT_ACTIVATED");
  });
});

describe("client: server faults keep the app's rights, each with its own state", () => {
  it("server down, then back on the same port and data: unreachable, then recovered", async () => {
    const { dir } = await activatedDevice(server);
    await server.stop();
    const client = clientFor(server, dir);
    try {
      const down = await client.validate({ online: "force" });
      expect(down).toMatchObject({ state: "active", valid: true, code: "SERVER_UNREACHABLE" });
      expect(down.connection).toMatchObject({ state: "unreachable", failures: 1 });
      expect(down.message).toContain(server.url);
      expect(down.remedy).toContain("keeps running on its lease");
    } finally {
      await server.start();
    }
    const back = await client.validate({ online: "force" });
    expect(back).toMatchObject({ state: "active", valid: true, connection: { state: "ok", failures: 0 } });
    expect(back.code).toBeUndefined();
  });

  it("slow: a server that never answers times out (AbortController), distinctly", async () => {
    const hanging = await fake(hangingServer());
    const { client } = await deviceBehind(hanging.url, { timeoutMs: 300 });
    const started = Date.now();
    const s = await client.validate({ online: "force" });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(s).toMatchObject({
      state: "active",
      valid: true,
      code: "SERVER_TIMEOUT",
      connection: { state: "timeout" },
    });
    expect(s.message).toContain("0.3 seconds");
    expect(hanging.requests()).toBe(1);
  });

  it("5xx: SERVER_ERROR with the status", async () => {
    const unavailable = {
      error: { code: "SERVICE_UNAVAILABLE", message: "Down.", remedy: "Wait.", docs: "/docs/errors" },
    };
    const failing = await fake(fixedServer(503, JSON.stringify(unavailable)));
    const { client, before } = await deviceBehind(failing.url);
    const s = await client.validate({ online: "force" });
    expect(s).toMatchObject({
      state: "active",
      valid: true,
      code: "SERVER_ERROR",
      connection: { state: "server_error" },
    });
    expect(s.message).toContain("HTTP 503");
    expect(s.problem?.details).toEqual({ status: 503, serverCode: "SERVICE_UNAVAILABLE" });
    expect(s.leaseExpiresAt).toBe(before.leaseExpiresAt);
  });

  it("garbage: an HTML page or a JSON object that is no answer is RESPONSE_INVALID", async () => {
    for (const [body, type] of [
      ["<html><body>Please sign in to the hotel Wi-Fi</body></html>", "text/html"],
      [JSON.stringify({ hello: "world" }), "application/json"],
      ['{"valid": tru', "application/json"],
    ] as const) {
      const portal = await fake(fixedServer(200, body, type));
      const { client, before } = await deviceBehind(portal.url);
      const s = await client.validate({ online: "force" });
      expect(s).toMatchObject({
        state: "active",
        valid: true,
        code: "RESPONSE_INVALID",
        connection: { state: "invalid_response" },
      });
      expect(s.leaseExpiresAt).toBe(before.leaseExpiresAt);
    }
  });

  it("an answer too large to be one is RESPONSE_INVALID, read no further than the limit", async () => {
    const flood = await fake(fixedServer(200, `{"lease":"${"x".repeat(2 * 1024 * 1024)}"}`));
    const { client } = await deviceBehind(flood.url);
    const s = await client.validate({ online: "force" });
    expect(s).toMatchObject({ valid: true, code: "RESPONSE_INVALID" });
    expect(s.problem?.details).toMatchObject({ reason: "larger than 1048576 bytes" });
  });

  it("an unsigned 4xx refusal is reported with its code and changes nothing the device holds", async () => {
    const body = {
      error: {
        code: "LICENSE_REVOKED",
        message: "This license has been revoked: fake",
        remedy: "-",
        docs: "/docs/errors#LICENSE_REVOKED",
      },
    };
    const liar = await fake(fixedServer(403, JSON.stringify(body)));
    const { client } = await deviceBehind(liar.url);
    const s = await client.validate({ online: "force" });
    expect(s).toMatchObject({
      state: "active",
      valid: true,
      code: "LICENSE_REVOKED",
      connection: { state: "refused" },
    });
  });

  it("a full license refuses with DEVICE_LIMIT_REACHED and lists the devices in the way", async () => {
    const { key } = await server.newLicense();
    for (const name of ["one", "two", "three"]) {
      const client = clientFor(server, tempDir(), { machineName: name });
      await client.installKey(key);
      expect((await client.activate()).ok).toBe(true);
    }
    const fourth = clientFor(server, tempDir(), { machineName: "four" });
    await fourth.installKey(key);
    const result = await fourth.activate();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe("DEVICE_LIMIT_REACHED");
    expect(result.problem.message).toContain("3 of 3");
    const details = result.problem.details as { devices: { id: string }[]; transferable: boolean };
    expect(details.devices).toHaveLength(3);
    expect(details.transferable).toBe(true);
    expect(result.status).toMatchObject({
      state: "not_activated",
      valid: false,
      code: "DEVICE_LIMIT_REACHED",
      connection: { state: "refused" },
    });
  });

  it("backs off with jitter after failures and never blocks validate() while the app may run", async () => {
    const clock = testClock();
    const { dir, status } = await activatedDevice(server, { now: clock.now });
    await server.stop();
    try {
      const network = countingFetch();
      const draws = [0, 0.5, 1];
      const random = () => draws.shift() ?? 0;
      const client = clientFor(server, dir, { now: clock.now, fetch: network.fetch, backoff: { random } });
      clock.set(Date.parse(status.leaseIssuedAt ?? "") + 4 * DAY); // refresh due

      const first = await client.validate(); // due: the refresh starts in the background
      expect(first).toMatchObject({ state: "active", valid: true });
      await client.idle();
      let s = await client.status();
      expect(s.connection).toMatchObject({ state: "unreachable", failures: 1 });
      expect(s.connection.retryAt).toBe(new Date(clock.now() + 30_000).toISOString()); // draw 0 → the 30 s floor

      clock.advance(29_000); // before the retry time: no request
      await client.validate();
      await client.idle();
      expect(network.calls()).toBe(1);

      clock.advance(1_000);
      await client.validate();
      await client.idle();
      s = await client.status();
      expect(network.calls()).toBe(2);
      expect(s.connection.failures).toBe(2);
      expect(s.connection.retryAt).toBe(
        new Date(clock.now() + backoffDelay(2, { random: () => 0.5 })).toISOString(),
      );

      clock.set(Date.parse(s.connection.retryAt ?? ""));
      await client.validate();
      await client.idle();
      s = await client.status();
      expect(s.connection.retryAt).toBe(new Date(clock.now() + 120_000).toISOString()); // draw 1 → ceiling of 3
      expect(s.valid).toBe(true);
    } finally {
      await server.start();
    }
  });
});

/** An error answer as the server writes it. */
const errorBody = (code: string) =>
  JSON.stringify({
    error: { code, message: "Slow down.", remedy: "Try again later.", docs: `/docs/errors#${code}` },
  });

describe("client: a server that asks to be left alone", () => {
  it("waits out a 429's or 503's Retry-After when it is longer than the backoff, up to the longest backoff", async () => {
    const clock = testClock();
    const { dir, status } = await activatedDevice(server, { now: clock.now });
    const limited = await fake(
      fixedServer(429, errorBody("RATE_LIMITED"), "application/json", {
        "retry-after": "600",
      }),
    );
    const client = clientFor({ ...server, url: limited.url }, dir, {
      now: clock.now,
      backoff: { random: () => 0 },
    });
    clock.set(Date.parse(status.leaseIssuedAt ?? "") + 4 * DAY); // refresh due
    expect(await client.validate()).toMatchObject({ state: "active", valid: true });
    await client.idle();
    let s = await client.status();
    expect(s.connection).toMatchObject({ state: "refused", failures: 1 });
    expect(s.connection.retryAt).toBe(new Date(clock.now() + 600_000).toISOString()); // not the 30 s backoff

    const down = await fake(
      fixedServer(503, errorBody("SERVICE_UNAVAILABLE"), "application/json", {
        "retry-after": String(10 * 3600),
      }),
    );
    const later = clientFor({ ...server, url: down.url }, dir, {
      now: clock.now,
      backoff: { random: () => 0 },
    });
    clock.set(Date.parse(s.connection.retryAt ?? ""));
    await later.validate();
    await later.idle();
    s = await later.status();
    expect(s.connection).toMatchObject({ state: "server_error", failures: 2 });
    expect(s.connection.retryAt).toBe(new Date(clock.now() + 6 * 3_600_000).toISOString()); // capped at 6 h
  });
});

describe("client: damaged state folder", () => {
  it("a cut-off state file is STATE_CORRUPT: the lease still holds, and the server repairs it", async () => {
    const { dir, status } = await activatedDevice(server);
    const text = readState(dir, STATE_FILES.state);
    writeState(dir, STATE_FILES.state, text.slice(0, Math.floor(text.length / 2)));
    const client = clientFor(server, dir);
    const s = await client.validate();
    expect(s).toMatchObject({
      state: "active",
      valid: true,
      code: "STATE_CORRUPT",
      deviceId: status.deviceId,
    });
    expect(s.message).toContain("state.json");
    await client.idle(); // the repair runs in the background: the app was never kept waiting
    const repaired = await client.status();
    expect(repaired.code).toBeUndefined();
    expect(repaired.licenseId).toBe(status.licenseId);
    expect(JSON.parse(readState(dir, STATE_FILES.state))).toHaveProperty("mac");
  });

  it("a cut-off lease is STATE_CORRUPT with no rights, repaired by activating again (the same device)", async () => {
    const { dir, status } = await activatedDevice(server);
    writeState(dir, STATE_FILES.lease, readState(dir, STATE_FILES.lease).slice(0, 40));
    const offline = await clientFor(server, dir).validate({ online: "never" });
    expect(offline).toMatchObject({ state: "corrupt", valid: false, code: "STATE_CORRUPT" });
    const s = await clientFor(server, dir).validate();
    expect(s).toMatchObject({ state: "active", valid: true, deviceId: status.deviceId });
    expect(s.lastDecision).toMatchObject({ by: "activation", outcome: "recognized" });
  });

  it("random bytes in every file never crash the client, offline or online", async () => {
    const dir = tempDir();
    for (const file of Object.values(STATE_FILES)) writeState(dir, file, "\u0000\u00ff{]garbage\n");
    const offline = clientFor({ ...server, url: "http://127.0.0.1:9" }, dir);
    const s = await offline.validate({ online: "force" });
    expect(s).toMatchObject({ valid: false, state: "corrupt", code: "STATE_CORRUPT" });
    expect(s.message).toContain("lease.jwt");
  });

  it("a state folder that cannot be written keeps the app running from memory and says why", async () => {
    const { dir } = await activatedDevice(server);
    const client = clientFor(server, join(dir, STATE_FILES.lease, "nested"));
    const { key } = await server.newLicense();
    const installed = await client.installKey(key);
    expect(installed.ok).toBe(true);
    expect(installed.status.storageError).toBeDefined();
    expect((await client.activate()).status).toMatchObject({ state: "active", valid: true });
  });
});
