import { createPublicKey } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fromBase64Url, type PublicJwk, signLease, toBase64Url } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { STATE_FILES } from "../../src/index.js";
import {
  activatedDevice,
  clientFor,
  DAY,
  HOUR,
  machine,
  readState,
  tempDir,
  testClock,
  writeState,
} from "./support/device.js";
import { type FakeServer, foreignKey, relayServer, resign } from "./support/fakeServers.js";

let server: LiveServer;
const fakes: FakeServer[] = [];
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
  await server.dispose();
});

const relay = async (rewrite: Parameters<typeof relayServer>[1]) => {
  const started = await relayServer(() => server.url, rewrite);
  fakes.push(started);
  return started;
};

const kid = () => server.jwks.keys[0]?.kid ?? "";

/** Rewrite the payload of a compact JWS, keeping its header and signature. */
function withPayload(token: string, change: (claims: Record<string, unknown>) => void): string {
  const [header, body, signature] = token.trim().split(".");
  const claims = JSON.parse(fromBase64Url(body ?? "").toString("utf8")) as Record<string, unknown>;
  change(claims);
  return `${header}.${toBase64Url(JSON.stringify(claims))}.${signature}`;
}

describe("client: tampered files", () => {
  it("a lease edited to last longer is STATE_TAMPERED with no rights; the server replaces it", async () => {
    const { dir, status } = await activatedDevice(server);
    const tampered = withPayload(readState(dir, STATE_FILES.lease), (c) => {
      c.lxp = Number(c.lxp) + 365 * 86_400;
      c.exp = Number(c.exp) + 365 * 86_400;
    });
    writeState(dir, STATE_FILES.lease, tampered);
    const offline = await clientFor(server, dir).validate({ online: "never" });
    expect(offline).toMatchObject({ state: "tampered", valid: false, code: "STATE_TAMPERED" });
    expect(offline.problem?.details).toMatchObject({
      file: "lease.jwt",
      reason: "its signature does not verify",
    });
    expect(offline.remedy).toContain("do not edit the files");

    const online = await clientFor(server, dir).validate();
    expect(online).toMatchObject({ state: "active", valid: true, deviceId: status.deviceId });
    expect(online.lastDecision).toMatchObject({ by: "activation", outcome: "recognized" });
    expect(readState(dir, STATE_FILES.lease)).not.toBe(tampered);
    expect((await clientFor(server, dir).validate({ online: "never" })).state).toBe("active");
  });

  it("a lease signed by a key the product never published is STATE_TAMPERED", async () => {
    const { dir } = await activatedDevice(server);
    const claims = JSON.parse(
      fromBase64Url(readState(dir, STATE_FILES.lease).split(".")[1] ?? "").toString("utf8"),
    );
    writeState(
      dir,
      STATE_FILES.lease,
      signLease(foreignKey(kid()), { ...claims, exp: claims.exp + 999_999 }),
    );
    const s = await clientFor(server, dir).validate({ online: "never" });
    expect(s).toMatchObject({ state: "tampered", valid: false, code: "STATE_TAMPERED" });
  });

  it("another device's genuine lease copied into the folder is STATE_TAMPERED", async () => {
    const mine = await activatedDevice(server, { machineName: "mine" });
    const theirs = await activatedDevice(server, { machineName: "theirs" });
    writeState(mine.dir, STATE_FILES.lease, readState(theirs.dir, STATE_FILES.lease));
    const s = await clientFor(server, mine.dir).validate({ online: "never" });
    expect(s).toMatchObject({ state: "tampered", code: "STATE_TAMPERED" });
    expect(s.problem?.details).toMatchObject({ reason: `it is a lease of device ${theirs.status.deviceId}` });
  });

  it("an edited state file is STATE_TAMPERED: no rights despite a genuine lease, evidence kept until the server repairs it", async () => {
    const { dir, status } = await activatedDevice(server);
    const file = JSON.parse(readState(dir, STATE_FILES.state)) as { body: string; mac: string };
    const body = JSON.parse(file.body) as Record<string, unknown>;
    body.serverMarkMs = 0; // what someone would do to defeat rollback detection
    body.localMarkMs = 0;
    writeState(dir, STATE_FILES.state, JSON.stringify({ ...file, body: JSON.stringify(body) }));

    const offline = clientFor({ ...server, url: "http://127.0.0.1:9" }, dir, { timeoutMs: 500 });
    for (let i = 0; i < 3; i++) {
      const s = await offline.validate();
      expect(s).toMatchObject({ state: "tampered", valid: false, code: "STATE_TAMPERED" });
      expect(s.problem?.details).toMatchObject({ file: "state.json", reason: "its MAC does not verify" });
    }
    await offline.idle();
    // Still tampered after a restart: nothing rewrote the file with a fresh MAC.
    expect((await clientFor(server, dir).validate({ online: "never" })).state).toBe("tampered");

    const repaired = await clientFor(server, dir).validate();
    expect(repaired).toMatchObject({ state: "active", valid: true, deviceId: status.deviceId });
    expect((await clientFor(server, dir).validate({ online: "never" })).code).toBeUndefined();
  });

  it("a state file without its install secret, or from another install, is STATE_TAMPERED", async () => {
    const one = await activatedDevice(server, { machineName: "install-one" });
    const two = await activatedDevice(server, { machineName: "install-two" });
    writeState(two.dir, STATE_FILES.state, readState(one.dir, STATE_FILES.state));
    writeState(two.dir, STATE_FILES.lease, readState(one.dir, STATE_FILES.lease));
    expect((await clientFor(server, two.dir).validate({ online: "never" })).code).toBe("STATE_TAMPERED");
    rmSync(join(one.dir, STATE_FILES.secret));
    expect((await clientFor(server, one.dir).validate({ online: "never" })).code).toBe("STATE_TAMPERED");
  });
});

describe("client: clock rollback", () => {
  it("a clock set before a signed server time already seen is CLOCK_ROLLBACK", async () => {
    const clock = testClock();
    const { dir } = await activatedDevice(server, { now: clock.now });
    const seen = Date.now();
    clock.set(seen - 3 * DAY);
    const s = await clientFor(server, dir, { now: clock.now, url: "http://127.0.0.1:9" }).validate();
    expect(s).toMatchObject({ state: "clock_rollback", valid: false, code: "CLOCK_ROLLBACK" });
    const details = s.problem?.details as { seenAt?: string } | undefined;
    expect(Date.parse(details?.seenAt ?? "")).toBeGreaterThanOrEqual(seen - 1000);
    // Within the tolerance (honest skew), nothing is said.
    clock.set(seen - 2 * HOUR);
    expect((await clientFor(server, dir, { now: clock.now }).validate({ online: "never" })).state).toBe(
      "active",
    );
  });

  it("remembers local times it saw: going back from there is a rollback, across restarts, and without state.json", async () => {
    const clock = testClock();
    const { dir, status } = await activatedDevice(server, { now: clock.now });
    await server.stop();
    try {
      clock.set(Date.parse(status.leaseIssuedAt ?? "") + 5 * DAY);
      const later = clientFor(server, dir, { now: clock.now, timeoutMs: 300 });
      expect((await later.validate()).valid).toBe(true);
      await later.idle();
      clock.set(Date.parse(status.leaseIssuedAt ?? "") + 1 * DAY); // back four days: the lease looks fresh again
      expect((await later.validate({ online: "never" })).state).toBe("clock_rollback");
      expect((await clientFor(server, dir, { now: clock.now }).validate({ online: "never" })).state).toBe(
        "clock_rollback",
      );
      // Deleting the state file forgets the local mark, but the lease's own signed issue time still counts.
      rmSync(join(dir, STATE_FILES.state));
      clock.set(Date.parse(status.leaseIssuedAt ?? "") - 2 * DAY);
      expect((await clientFor(server, dir, { now: clock.now }).validate({ online: "never" })).state).toBe(
        "clock_rollback",
      );
    } finally {
      await server.start();
    }
  });

  it("a clock put right again is confirmed by a signed server time, and the rollback clears", async () => {
    const clock = testClock();
    const { dir } = await activatedDevice(server, { now: clock.now });
    const client = clientFor(server, dir, { now: clock.now, url: "http://127.0.0.1:9", timeoutMs: 300 });
    clock.set(Date.now() + 3 * DAY); // a clock that ran fast once…
    expect((await client.validate({ online: "never" })).state).toBe("active");
    await client.idle();
    clock.set(Date.now()); // …and was corrected
    expect((await clientFor(server, dir, { now: clock.now }).validate({ online: "never" })).state).toBe(
      "clock_rollback",
    );
    const confirmed = await clientFor(server, dir, { now: clock.now }).validate();
    expect(confirmed).toMatchObject({ state: "active", valid: true });
  });
});

describe("client: answers that are not the server's", () => {
  it("an answer re-signed with another key (under the real kid) is RESPONSE_SIGNATURE_INVALID and ignored", async () => {
    const impostor = foreignKey(kid());
    const proxy = await relay((answer) =>
      resign({ ...answer, leaseExpiresAt: "2099-01-01T00:00:00.000Z" }, impostor),
    );
    const { dir, status } = await activatedDevice(server);
    const lease = readState(dir, STATE_FILES.lease);
    const s = await clientFor({ ...server, url: proxy.url }, dir).validate({ online: "force" });
    expect(s).toMatchObject({
      state: "active",
      valid: true,
      code: "RESPONSE_SIGNATURE_INVALID",
      connection: { state: "spoofed" },
    });
    expect(s.problem?.details).toEqual({ reason: "bad_signature" });
    expect(s.leaseExpiresAt).toBe(status.leaseExpiresAt);
    expect(readState(dir, STATE_FILES.lease)).toBe(lease);
  });

  it("a genuine answer altered to say 'revoked' is ignored: the rights stay", async () => {
    const proxy = await relay((answer) => ({
      ...answer,
      valid: false,
      state: "revoked",
      problem: { code: "LICENSE_REVOKED", message: "revoked", remedy: "-" },
    }));
    const { dir } = await activatedDevice(server);
    const s = await clientFor({ ...server, url: proxy.url }, dir).validate({ online: "force" });
    expect(s).toMatchObject({ state: "active", valid: true, code: "RESPONSE_SIGNATURE_INVALID" });
  });

  it("an answer with its signature stripped is not an answer", async () => {
    const proxy = await relay(({ signature: _gone, ...answer }) => answer);
    const { dir } = await activatedDevice(server);
    const s = await clientFor({ ...server, url: proxy.url }, dir).validate({ online: "force" });
    expect(s.problem?.details).toEqual({ reason: "unsigned" });
  });

  it("a genuine answer replayed to a later request fails on the nonce", async () => {
    let first: Record<string, unknown> | undefined;
    const proxy = await relay((answer) => {
      first ??= answer;
      return first;
    });
    const { dir } = await activatedDevice(server);
    const client = clientFor({ ...server, url: proxy.url }, dir);
    expect((await client.validate({ online: "force" })).code).toBeUndefined();
    const replayed = await client.validate({ online: "force" });
    expect(replayed).toMatchObject({ valid: true, code: "RESPONSE_SIGNATURE_INVALID" });
    expect(replayed.problem?.details).toEqual({ reason: "nonce_mismatch" });
  });

  it("a genuine answer about another product, with this request's nonce, is refused", async () => {
    const product = (await server.admin("POST", "/v1/admin/products", { name: "Other product" })).body as {
      id: string;
    };
    const policy = (
      await server.admin("POST", "/v1/admin/policies", {
        productId: product.id,
        name: "p",
        channel: "retail",
        maxDevices: 5,
      })
    ).body as { id: string };
    const issued = (await server.admin("POST", "/v1/admin/licenses", { policyId: policy.id, count: 1 }))
      .body as {
      licenses: { key: string }[];
    };
    const otherKey = issued.licenses[0]?.key ?? "";
    // The client ships the server's whole JWKS, the other product's key included (named as that product's).
    const jwks = (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as { keys: PublicJwk[] };
    expect(jwks.keys.length).toBe(2);
    // A relay swaps in its own key for the other product: the server signs that answer with our nonce.
    const swapper = await relayServer(
      () => server.url,
      (answer) => answer,
    );
    fakes.push(swapper);
    const swapping: typeof fetch = (_input, init) => {
      // The swapped body no longer matches the device's proof: the relay drops it, as a client without
      // device keys would send (otherwise the server refuses it with DEVICE_PROOF_INVALID).
      const {
        proof: _proof,
        deviceSecret: _deviceSecret,
        ...body
      } = JSON.parse(String(init?.body)) as Record<string, unknown>;
      return fetch(`${server.url}/v1/activations`, {
        ...init,
        body: JSON.stringify({ ...body, key: otherKey }),
      });
    };
    const { key } = await server.newLicense();
    const client = clientFor({ ...server, jwks }, tempDir(), { fetch: swapping });
    await client.installKey(key);
    const result = await client.activate();
    expect(result.ok).toBe(false);
    // Signed with the other product's key, which this client does not use: refused before it is read.
    expect(!result.ok && result.problem).toMatchObject({
      code: "RESPONSE_SIGNATURE_INVALID",
      details: { reason: "unknown_key" },
    });
    expect(result.status.state).toBe("not_activated");
  });

  it("the same answer, to a client shipped a JWKS without product names, is refused by what it says", async () => {
    const other = (await server.admin("POST", "/v1/admin/products", { name: "Third product" })).body as {
      id: string;
    };
    const policy = (
      await server.admin("POST", "/v1/admin/policies", {
        productId: other.id,
        name: "p2",
        channel: "retail",
        maxDevices: 5,
      })
    ).body as { id: string };
    const issued = (await server.admin("POST", "/v1/admin/licenses", { policyId: policy.id, count: 1 }))
      .body as { licenses: { key: string }[] };
    const otherKey = issued.licenses[0]?.key ?? "";
    // A JWKS from before keys named their product (`prd`): the SDK can only check what the answer is about.
    const jwks = (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as { keys: PublicJwk[] };
    const unnamed = { keys: jwks.keys.map(({ prd: _prd, ...key }) => key) };
    const swapping: typeof fetch = (_input, init) => {
      // The swapped body no longer matches the device's proof: the relay drops it (as a client without device
      // keys would send), or the server refuses it with DEVICE_PROOF_INVALID.
      const {
        proof: _proof,
        deviceSecret: _deviceSecret,
        ...body
      } = JSON.parse(String(init?.body)) as Record<string, unknown>;
      return fetch(`${server.url}/v1/activations`, {
        ...init,
        body: JSON.stringify({ ...body, key: otherKey }),
      });
    };
    const client = clientFor({ ...server, jwks: unnamed }, tempDir(), { fetch: swapping });
    await client.installKey((await server.newLicense()).key);
    const result = await client.activate();
    expect(!result.ok && result.problem.details).toEqual({ reason: "an answer about another product" });
  });

  it("with only a foreign public key, nothing from the real server is trusted", async () => {
    const { key } = await server.newLicense();
    const stranger = foreignKey("sk_stranger");
    const client = clientFor({ ...server, jwks: { keys: [] } }, tempDir(), {
      publicKeys: createPublicKey(stranger.privateKey),
    });
    await client.installKey(key);
    const result = await client.activate();
    expect(!result.ok && result.problem.code).toBe("RESPONSE_SIGNATURE_INVALID");
    expect(result.status.state).toBe("not_activated");
  });
});

describe("client: signed verdicts change the state", () => {
  it("a revocation reaches the device, survives a restart offline, and names the reason", async () => {
    const { dir, client, license } = await activatedDevice(server);
    const revoked = await server.admin("POST", `/v1/admin/licenses/${license.id}/revoke`, {
      reason: "chargeback",
    });
    expect(revoked.status).toBe(200);
    const s = await client.validate({ online: "force" });
    expect(s).toMatchObject({ state: "revoked", valid: false, code: "LICENSE_REVOKED" });
    expect(s.message).toContain("chargeback");
    expect(s.lastDecision).toMatchObject({ by: "validation", outcome: "LICENSE_REVOKED" });
    await server.stop();
    try {
      const restarted = await clientFor(server, dir).validate();
      expect(restarted).toMatchObject({ state: "revoked", valid: false, code: "LICENSE_REVOKED" });
      expect(restarted.explanation).toContain("signed verdict");
    } finally {
      await server.start();
    }
  });

  it("a suspension stops the app and a reinstatement lets it run again, with no reactivation", async () => {
    const { client, license, status } = await activatedDevice(server);
    await server.admin("POST", `/v1/admin/licenses/${license.id}/suspend`, { reason: "payment review" });
    expect(await client.validate({ online: "force" })).toMatchObject({
      state: "suspended",
      valid: false,
      code: "LICENSE_SUSPENDED",
    });
    // Not due again for a while: validate() answers locally without asking.
    expect((await client.validate()).state).toBe("suspended");
    await server.admin("POST", `/v1/admin/licenses/${license.id}/reinstate`, { reason: "paid" });
    const back = await client.validate({ online: "force" });
    expect(back).toMatchObject({ state: "active", valid: true, deviceId: status.deviceId });
  });

  it("a license that reaches its end is told LICENSE_EXPIRED (signed)", async () => {
    const at = new Date(Date.now() + 2500).toISOString();
    const policy = await server.admin("POST", "/v1/admin/policies", {
      productId: server.productId,
      name: "ends soon",
      channel: "subscription",
      maxDevices: 1,
      expiry: { kind: "fixed", at },
    });
    const policyId = (policy.body as { id: string }).id;
    const issued = await server.admin("POST", "/v1/admin/licenses", { policyId, count: 1 });
    const key = (issued.body as { licenses: { key: string }[] }).licenses[0]?.key ?? "";
    const client = clientFor(server, tempDir(), { machineName: "subscriber" });
    await client.installKey(key);
    const activated = await client.activate();
    // The lease never outlives the license: it ends with it, and grace follows.
    expect(activated.status).toMatchObject({
      state: "active",
      licenseExpiresAt: at,
      channel: "subscription",
    });
    await new Promise((done) => setTimeout(done, Date.parse(at) - Date.now() + 100));
    const s = await client.validate({ online: "force" });
    expect(s).toMatchObject({ state: "expired", valid: false, code: "LICENSE_EXPIRED" });
    expect(s.message).toContain(at);
  });

  it("two copies of one activation reveal themselves: DEVICE_FORKED (signed)", async () => {
    const original = await activatedDevice(server, { machineName: "cloned" });
    const clone = tempDir();
    for (const file of Object.values(STATE_FILES)) writeState(clone, file, readState(original.dir, file));
    // The original moves on: a changed RAM reading makes the server issue its next lease.
    const moved = machine("cloned");
    const ram = moved.components.find((c) => c.kind === "ram");
    if (ram) Object.assign(ram, { digest: "0".repeat(64) });
    const first = clientFor(server, original.dir, { fingerprint: async () => moved });
    expect((await first.validate({ online: "force" })).valid).toBe(true);
    // The clone presents the older lease: taken for a retry, it gets a lease of its own line.
    const copy = clientFor(server, clone, { machineName: "cloned" });
    expect((await copy.validate({ online: "force" })).valid).toBe(true);
    // The original's lease is now stale: a first strike is only a suspicion (a restored snapshot looks the same).
    expect((await first.validate({ online: "force" })).valid).toBe(true);
    // The second line comes back: two machines run one activation.
    const forked = await copy.validate({ online: "force" });
    expect(forked).toMatchObject({ state: "forked", valid: false, code: "DEVICE_FORKED" });
    // The remedy is a transfer or support: re-activating with the key no longer undoes a fork (issue 10.3).
    expect(forked.remedy).toContain("transfer");
    expect(forked.remedy).not.toContain("reactivate");
  });

  it("another machine presenting this lease is told FINGERPRINT_MISMATCH (signed)", async () => {
    const { dir } = await activatedDevice(server, { machineName: "original" });
    const copy = tempDir();
    for (const file of Object.values(STATE_FILES)) writeState(copy, file, readState(dir, file));
    const s = await clientFor(server, copy, { machineName: "a-completely-different-machine" }).validate({
      online: "force",
    });
    expect(s).toMatchObject({ state: "mismatch", valid: false, code: "FINGERPRINT_MISMATCH" });
    expect(s.message).toContain("below the threshold");
  });
});
