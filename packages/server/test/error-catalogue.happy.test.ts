/**
 * Every server error code of the catalogue, produced through HTTP by a real request, in Japanese. The last test
 * compares the codes seen with the catalogue, so a code added to the catalogue without a way to reach it fails.
 */
import {
  describe as describeCode,
  deviceErrorCodes,
  deviceSecretText,
  type ErrorCode,
  generateProductKey,
  httpStatus,
  newDeviceSecret,
  retiredErrorCodes,
  serverErrorCodes,
} from "@ninsho/core";
import { beforeAll, describe, expect, it } from "vitest";
import { LoadShedder } from "../src/http/overload.js";
import { RateLimits } from "../src/security/rateLimits.js";
import { accountProducers } from "./accounts/producers.js";
import { channelProducers } from "./channels/producers.js";
import { confirm, installationIdOf } from "./offline/support.js";
import { adminProducers } from "./support/adminProducers.js";
import { DAY } from "./support/clock.js";
import { KINDS, machine, withChanged } from "./support/fingerprints.js";
import { heldRoute } from "./support/held.js";
import { type Answer, call, get, post, str } from "./support/http.js";
import { withTypo } from "./support/keys.js";
import { aDevice, type Catalogue, newNonce, type TestServer, useServers } from "./support/server.js";
import { transferProducers } from "./transfers/producers.js";

/**
 * Server codes no route answers, listed on purpose; a server code in neither this list nor the producers below
 * fails the last test. The retired codes (`retiredErrorCodes`) are among them: kept for the clients that know
 * them, produced by nothing (the last test checks none is seen). (LEASE_EXPIRED is a device code: the app's verdict on its own lease, which the server
 * refreshes for a device that is still active.)
 */
const NOT_ANSWERED_BY_THIS_SERVER: readonly ErrorCode[] = [
  // Answered by the on-premises relay (`ninsho relay`), which checks its grant, counts its devices and its clock:
  // each is produced through its HTTP app in packages/relay/test.
  "RELAY_GRANT_INVALID",
  "RELAY_GRANT_EXPIRED",
  "RELAY_GRANT_NOT_YET_VALID",
  "RELAY_GRANT_FULL",
  "RELAY_CLOCK_ROLLBACK",
  "RELAY_STATE_ROLLBACK",
  ...(Object.keys(retiredErrorCodes) as (keyof typeof retiredErrorCodes)[]),
];

const JA = { "accept-language": "ja-JP,ja;q=0.9,en;q=0.5" };
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;
const MISSING = "x_01JNOTHEREXXXXXXXXXXXXXXXX";

/** The code an answer carries: an error's, or the problem of a signed `valid: false` verdict. */
function codeOf(res: Answer): { code: string; message: string; remedy: string } | undefined {
  const body = res.body as {
    error?: { code: string; message: string; remedy: string };
    problem?: { code: string; message: string; remedy: string };
  };
  return body.error ?? body.problem;
}

describe("error catalogue", () => {
  const servers = useServers("all");
  const seen = new Map<string, Answer>();
  let t: TestServer;
  let c: Catalogue;

  beforeAll(async () => {
    t = await servers.start();
    c = await t.catalogue({ maxDevices: 1, expiry: { kind: "duration", seconds: 30 * 86_400 } }, 7);
  });

  const licenseAt = (i: number) => {
    const license = c.licenses[i];
    if (!license) throw new Error(`no license ${i}`);
    return license;
  };

  /** How each code is reached: one real request (after whatever set-up it needs). */
  const producers: Partial<Record<ErrorCode, () => Promise<Answer>>> = {
    BODY_MALFORMED: () =>
      post(t.app, "/v1/activations", undefined, {
        raw: "{",
        headers: { ...JA, "content-type": "application/json" },
      }),
    BODY_TOO_LARGE: () =>
      post(t.app, "/v1/activations", undefined, {
        raw: `"${"x".repeat(70_000)}"`,
        headers: { ...JA, "content-type": "application/json" },
      }),
    UNSUPPORTED_MEDIA_TYPE: () =>
      post(t.app, "/v1/activations", undefined, {
        raw: "key=1",
        headers: { ...JA, "content-type": "text/plain" },
      }),
    VALIDATION_FAILED: () => post(t.app, "/v1/activations", {}, { headers: JA }),
    ROUTE_NOT_FOUND: () => get(t.app, "/v1/nowhere", { headers: JA }),
    KEY_MALFORMED: () => t.activate(withTypo(c.key, 3), machine("m"), aDevice(), { headers: JA }),
    KEY_NOT_FOUND: () => t.activate(generateProductKey(), machine("m"), aDevice(), { headers: JA }),
    LICENSE_NOT_FOUND: () => get(t.app, `/v1/admin/licenses/${MISSING}`, { token: t.admin, headers: JA }),
    LICENSE_SUSPENDED: async () => {
      await t.adminPost(`/v1/admin/licenses/${licenseAt(1).id}/suspend`, { reason: "未払い" });
      return t.activate(licenseAt(1).key, machine("s"), aDevice(), { headers: JA });
    },
    LICENSE_REVOKED: async () => {
      await t.adminPost(`/v1/admin/licenses/${licenseAt(2).id}/revoke`, { reason: "返金" });
      return t.activate(licenseAt(2).key, machine("r"), aDevice(), { headers: JA });
    },
    LICENSE_EXPIRED: async () => {
      // An extension to a past date is refused (EXPIRY_IN_PAST): end it a minute ahead, then let time pass.
      const soon = new Date(t.clock.now().getTime() + 60_000).toISOString();
      await t.adminPost(`/v1/admin/licenses/${licenseAt(3).id}/extend`, { expiresAt: soon, reason: "x" });
      t.clock.advance(120_000);
      return t.activate(licenseAt(3).key, machine("e"), aDevice(), { headers: JA });
    },
    LICENSE_STATE_CONFLICT: () =>
      call(
        t.app,
        "POST",
        `/v1/admin/licenses/${licenseAt(0).id}/reinstate`,
        { reason: "x" },
        { token: t.admin, headers: JA },
      ),
    DEVICE_LIMIT_REACHED: async () => {
      await t.activated(c.key, machine("holder"));
      return t.activate(c.key, machine("newcomer"), aDevice(), { headers: JA });
    },
    DEVICE_NOT_FOUND: () =>
      call(
        t.app,
        "POST",
        `/v1/admin/devices/${MISSING}/deactivate`,
        { reason: "x" },
        { token: t.admin, headers: JA },
      ),
    DEVICE_DEACTIVATED: async () => {
      const { lease } = await t.activated(licenseAt(4).key, machine("gone"));
      await post(t.app, "/v1/deactivations", { lease });
      return post(t.app, "/v1/deactivations", { lease }, { headers: JA });
    },
    DEVICE_FORKED: async () => {
      // Two copies on one lease: a splits off, b retries the parent, a's stale lease is a first strike (served),
      // and b coming back on its own line is the second: the fork.
      const fp = machine("cloned");
      const { lease } = await t.activated(licenseAt(5).key, fp);
      t.clock.advance(3 * DAY);
      const a = str((await t.validate({ lease }, fp)).body, "lease");
      const b = str((await t.validate({ lease }, fp)).body, "lease");
      await t.validate({ lease: a }, fp);
      return t.validate({ lease: b }, fp, newNonce(), { headers: JA });
    },
    LEASE_SUPERSEDED: async () => {
      // A re-activation by key (no lease presented) starts a new lineage; the older lease is superseded.
      const fp = machine("superseded");
      const { lease } = await t.activated(licenseAt(6).key, fp);
      await t.activated(licenseAt(6).key, fp);
      return t.validate({ lease }, fp, newNonce(), { headers: JA });
    },
    DEVICE_PROOF_REQUIRED: () => t.validate({ key: c.key }, machine("holder"), newNonce(), { headers: JA }),
    FINGERPRINT_MISMATCH: () =>
      t.validate({ key: c.key }, withChanged(machine("holder"), [...KINDS]), newNonce(), { headers: JA }),
    INSTALLATION_ID_MALFORMED: () =>
      post(t.app, "/v1/offline/confirmations", { installationId: "12345-67890" }, { headers: JA }),
    INSTALLATION_ID_NOT_FOUND: async () => {
      const iid = await installationIdOf(t, c.productId, generateProductKey(), machine("phone"));
      return confirm(t, iid.text, {}, { headers: JA });
    },
    OFFLINE_REQUEST_EXPIRED: async () => {
      const old = new Date(t.clock.now().getTime() - 30 * DAY);
      const iid = await installationIdOf(t, c.productId, licenseAt(0).key, machine("phone"), old);
      return confirm(t, iid.text, {}, { headers: JA });
    },
    NO_SEAT_AVAILABLE: async () => {
      const pool = await t.catalogue({ channel: "floating", seats: 1 });
      await post(t.app, "/v1/seats", { key: pool.key, fingerprint: machine("seat-a"), device: aDevice() });
      return post(
        t.app,
        "/v1/seats",
        { key: pool.key, fingerprint: machine("seat-b"), device: aDevice() },
        { headers: JA },
      );
    },
    SEAT_NOT_FOUND: () =>
      call(t.app, "DELETE", `/v1/seats/${MISSING}`, undefined, {
        headers: { ...JA, authorization: `Bearer ${"A".repeat(43)}` },
      }),
    SEAT_EXPIRED: async () => {
      const pool = await t.catalogue({ channel: "floating", seats: 1 });
      const seat = await post(t.app, "/v1/seats", {
        key: pool.key,
        fingerprint: machine("seat-r"),
        device: aDevice(),
      });
      const auth = { authorization: `Bearer ${str(seat.body, "secret")}` };
      await call(t.app, "DELETE", `/v1/seats/${str(seat.body, "seat.id")}`, undefined, { headers: auth });
      return post(
        t.app,
        `/v1/seats/${str(seat.body, "seat.id")}/heartbeats`,
        {},
        { headers: { ...JA, ...auth } },
      );
    },
    SEAT_CHANNEL_REQUIRED: () =>
      post(t.app, "/v1/seats", { key: c.key, fingerprint: machine("m"), device: aDevice() }, { headers: JA }),
    SEAT_REQUEST_INVALID: async () => {
      const pool = await t.catalogue({ channel: "workload", seats: 1 });
      return post(
        t.app,
        "/v1/seats",
        { key: pool.key, fingerprint: machine("m"), device: aDevice() },
        { headers: JA },
      );
    },
    LICENSE_USES_SEATS: async () => {
      const pool = await t.catalogue({ channel: "floating", seats: 1 });
      return t.activate(pool.key, machine("m"), aDevice(), { headers: JA });
    },
    RELAY_GRANT_NOT_VOLUME: () => {
      const relayKey = { kty: "OKP", crv: "Ed25519", x: "A".repeat(43) };
      const body = {
        licenseId: c.licenseId,
        relayKey,
        customer: "Plant",
        expiresAt: "2099-01-01T00:00:00.000Z",
      };
      return post(t.app, "/v1/admin/volume-grants", body, { token: t.admin, headers: JA });
    },
    USAGE_REPORT_INVALID: () =>
      post(t.app, "/v1/admin/usage-reports", { reportFile: "{}" }, { token: t.admin, headers: JA }),
    BORROW_NOT_ALLOWED: async () => {
      const pool = await t.catalogue({ channel: "floating", seats: 1, borrowMaxDays: 3 });
      const body = { key: pool.key, fingerprint: machine("m"), device: aDevice(), borrowDays: 30 };
      return post(t.app, "/v1/seats", body, { headers: JA });
    },
    OFFLINE_FILE_INVALID: () =>
      post(t.app, "/v1/offline/license-files", { requestFile: "not a request file" }, { headers: JA }),
    LEASE_INVALID: () => t.validate({ lease: "e30.e30.AAAA" }, machine("m"), newNonce(), { headers: JA }),
    DEVICE_PROOF_INVALID: () =>
      post(
        t.app,
        "/v1/activations",
        {
          key: c.key,
          fingerprint: machine("proof"),
          device: aDevice(),
          deviceSecret: deviceSecretText(newDeviceSecret()),
          proof: { at: new Date().toISOString(), sig: "A".repeat(43) },
        },
        { headers: JA },
      ),
    PRODUCT_NOT_FOUND: () => get(t.app, `/v1/admin/products/${MISSING}`, { token: t.admin, headers: JA }),
    POLICY_NOT_FOUND: () => get(t.app, `/v1/admin/policies/${MISSING}`, { token: t.admin, headers: JA }),
    TOKEN_NOT_FOUND: () =>
      call(t.app, "DELETE", `/v1/admin/tokens/${MISSING}`, undefined, { token: t.admin, headers: JA }),
    UNAUTHENTICATED: () => get(t.app, "/v1/admin/whoami", { headers: JA }),
    ...accountProducers(() => t, JA),
    ...adminProducers(() => t, JA),
    ...transferProducers(() => t, JA),
    ...channelProducers(() => t, JA),
    FORBIDDEN: async () => {
      const { token } = await t.token("readonly");
      return post(t.app, "/v1/admin/products", { name: "x" }, { token, headers: JA });
    },
    RATE_LIMITED: async () => {
      const limited = await servers.start({
        limits: RateLimits.inMemory({ perClient: 1, global: 100, windowSeconds: 60 }),
      });
      await limited.activate(generateProductKey(), machine("guess"));
      return limited.activate(generateProductKey(), machine("guess"), aDevice(), { headers: JA });
    },
    SERVICE_UNAVAILABLE: async () => {
      const broken = await servers.start();
      await broken.store.close();
      return get(broken.app, "/healthz", { headers: JA });
    },
    SERVER_BUSY: async () => {
      const held = heldRoute();
      const overload = new LoadShedder({ maxInFlight: 1, maxEventLoopDelayMs: 0 });
      const busy = await servers.start({ app: { overload, extensions: [held.extension] } });
      try {
        const entered = held.enter();
        const admitted = get(busy.app, held.path);
        await entered;
        const refused = await busy.activate(generateProductKey(), machine("m"), aDevice(), { headers: JA });
        held.open();
        await admitted;
        return refused;
      } finally {
        held.open();
        overload.close();
      }
    },
    INTERNAL_ERROR: async () => {
      const broken = await servers.start();
      const key = (await broken.catalogue()).key;
      await broken.store.close();
      return broken.activate(key, machine("m"), aDevice(), { headers: JA });
    },
  };

  describe.each(serverErrorCodes.filter((code) => !NOT_ANSWERED_BY_THIS_SERVER.includes(code)))(
    "%s",
    (code) => {
      it("is answered through HTTP with its status (or in a signed verdict), in Japanese", async () => {
        const produce = producers[code];
        if (!produce) throw new Error(`no request produces ${code}: add one to the producers`);
        const res = await produce();
        const error = codeOf(res);
        expect(error?.code, res.text.slice(0, 300)).toBe(code);
        const verdict = (res.body as { valid?: boolean }).valid === false;
        expect(res.status).toBe(verdict ? 200 : httpStatus(code));
        expect(error?.message).toMatch(JAPANESE);
        expect(error?.remedy).toMatch(JAPANESE);
        expect(error?.message).not.toBe(describeCode(code, "en").message);
        expect(res.text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
        seen.set(code, res);
      });
    },
  );

  describe("happy", () => {
    it("answers English by default, Japanese for Accept-Language ja or ?lang=ja", async () => {
      const en = await get(t.app, "/v1/nowhere");
      const ja = await get(t.app, "/v1/nowhere", { headers: { "accept-language": "ja" } });
      const query = await get(t.app, "/v1/nowhere?lang=ja");
      const fr = await get(t.app, "/v1/nowhere", { headers: { "accept-language": "fr-FR" } });
      expect(codeOf(en)?.message).toBe("There is no endpoint GET /v1/nowhere.");
      expect(codeOf(ja)?.message).toBe("GET /v1/nowhere というエンドポイントはありません。");
      expect(codeOf(query)?.message).toBe(codeOf(ja)?.message);
      expect(codeOf(fr)?.message).toBe(codeOf(en)?.message);
    });

    it("documents every code at the docs link an error gives, in both languages", async () => {
      const en = await get(t.app, "/docs/errors");
      const ja = await get(t.app, "/docs/errors?lang=ja");
      // The device codes (the SDK's and the CLI's) are documented too, in their own table, with no HTTP status.
      for (const code of deviceErrorCodes) {
        expect(en.text).toContain(`<tr id="${code}"><td><code>${code}</code></td><td>`);
        expect(en.text).not.toMatch(
          new RegExp(`<tr id="${code}"><td><code>${code}</code></td><td>\\d{3}</td>`),
        );
      }
      expect(en.text).toContain(
        `<tr id="DEVICE_LIMIT_REACHED"><td><code>DEVICE_LIMIT_REACHED</code></td><td>409</td>`,
      );
      for (const code of serverErrorCodes) {
        expect(en.text).toContain(`id="${code}"`);
        expect(ja.text).toContain(
          describeCode(code, "ja")
            .remedy.replaceAll("<", "&lt;")
            .replaceAll(">", "&gt;")
            .replaceAll('"', "&quot;"),
        );
      }
      // A retired code is documented as retired, with its successor, before its words.
      expect(en.text).toContain(
        `<tr id="TRANSFER_LIMIT_REACHED"><td><code>TRANSFER_LIMIT_REACHED</code></td><td>409</td><td><strong>Retired: no current server answers this code; replaced by TRANSFER_ALLOWANCE_EXHAUSTED.</strong> This license`,
      );
      expect(ja.text).toContain(
        "<strong>廃止されたコード：現在のサーバーは返しません。後継は TRANSFER_ALLOWANCE_EXHAUSTED です。</strong>",
      );
    });
  });

  it("every server code of the catalogue was produced (the set seen equals the catalogue)", () => {
    const expected = serverErrorCodes.filter((code) => !NOT_ANSWERED_BY_THIS_SERVER.includes(code));
    expect([...seen.keys()].sort()).toEqual([...expected].sort());
    expect(NOT_ANSWERED_BY_THIS_SERVER.every((code) => !seen.has(code))).toBe(true);
  });
});
