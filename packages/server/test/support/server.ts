/**
 * A real app on a real store, driven through `app.request()`: no socket, no mocks. The clock is the test's;
 * the first admin token is made by the token service (as the first start does), everything else through the
 * admin API.
 */

import type { KeyObject } from "node:crypto";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type PublicJwk, publicKeyFromJwk, type Role } from "@ninsho/core";
import { createStore, type Store } from "@ninsho/store";
import { type Logger, pino } from "pino";
import { afterAll, afterEach } from "vitest";
import type { AccountOptions } from "../../src/accounts/settings.js";
import { type AppOptions, createApp } from "../../src/app.js";
import { buildDeps, type DepsOptions } from "../../src/buildDeps.js";
import type { ServerDeps } from "../../src/deps.js";
import type { RateLimits } from "../../src/security/rateLimits.js";
import { createToken } from "../../src/services/admin/tokens.js";
import { type TestClock, testClock } from "./clock.js";
import type { Fingerprint } from "./fingerprints.js";
import { type Answer, type CallOptions, call, get, post, str } from "./http.js";

export interface TestServerOptions {
  /** Put the SQLite database in a temp file (default `:memory:`), or use this store URL (e.g. PostgreSQL). */
  readonly storage?: "memory" | "file" | { readonly url: string };
  /** The guessing limits, or how to make them on the server's store (e.g. counted in its database). */
  readonly limits?: RateLimits | ((store: Store) => RateLimits);
  readonly clock?: TestClock;
  readonly logger?: Logger;
  readonly app?: AppOptions;
  /** Account settings (default: cheap password hashes, see `TEST_SCRYPT_COST`). */
  readonly accounts?: AccountOptions;
  /** Where webhooks may go (default: public addresses only, the system resolver). */
  readonly webhooks?: DepsOptions["webhooks"];
}

/**
 * Password hashes at a cost tests can afford (the hashing code is the same; only N is smaller). The default
 * cost is checked on its own, in the account tests.
 */
export const TEST_SCRYPT_COST = { logN: 10, r: 8, p: 1 } as const;

/** Policy fields as the admin API takes them; product, name and channel have test defaults. */
export interface PolicyFields {
  readonly name?: string;
  readonly channel?:
    | "retail"
    | "oem"
    | "bundle"
    | "volume"
    | "subscription"
    | "trial"
    | "upgrade"
    | "floating"
    | "workload";
  readonly maxDevices?: number;
  readonly leaseSeconds?: number;
  readonly graceSeconds?: number;
  readonly expiry?:
    | { readonly kind: "none" }
    | { readonly kind: "fixed"; readonly at: string }
    | { readonly kind: "duration"; readonly seconds: number };
  readonly matchThreshold?: number;
  readonly componentWeights?: Record<string, number>;
  readonly transferable?: boolean;
  readonly transfersPerYear?: number;
  readonly transferCooldownSeconds?: number;
  readonly entitlements?: string[];
  readonly seats?: number;
  readonly heartbeatTimeoutSeconds?: number;
  readonly overage?: { readonly percent: number; readonly hours: number };
  readonly borrowMaxDays?: number;
  readonly basePolicyId?: string;
  readonly bundleComponent?: string;
  readonly graceAfterPaymentFailureDays?: number;
}

/** A product, a policy and licenses issued under it. */
export interface Catalogue {
  readonly productId: string;
  readonly policyId: string;
  /** The first license's key and id. */
  readonly key: string;
  readonly licenseId: string;
  readonly licenses: readonly { readonly id: string; readonly key: string }[];
}

export interface DeviceInfo {
  readonly name: string;
  readonly platform: string;
}

export class TestServer {
  readonly app: ReturnType<typeof createApp>;

  constructor(
    readonly deps: ServerDeps,
    readonly store: Store,
    readonly clock: TestClock,
    /** An admin-role token. */
    readonly admin: string,
    /** What the store was opened on: `:memory:`, a SQLite file or a `postgres://` URL. */
    readonly storeUrl: string,
    /** The SQLite file, when the store is one. */
    readonly dbPath: string | undefined,
    appOptions: AppOptions,
    private readonly cleanup: () => void,
  ) {
    this.app = createApp(deps, appOptions);
  }

  /** A new token with `role`, made through the admin API. */
  async token(role: Role, name = `${role} token`): Promise<{ id: string; token: string }> {
    const res = await post(this.app, "/v1/admin/tokens", { name, role }, { token: this.admin });
    if (res.status !== 201) throw new Error(`token: ${res.status} ${res.text}`);
    return { id: str(res.body, "id"), token: str(res.body, "token") };
  }

  async product(name = "Test product"): Promise<string> {
    const res = await post(this.app, "/v1/admin/products", { name }, { token: this.admin });
    if (res.status !== 201) throw new Error(`product: ${res.status} ${res.text}`);
    return str(res.body, "id");
  }

  async policy(productId: string, fields: PolicyFields = {}): Promise<string> {
    const body = { productId, name: "Test policy", channel: "retail", maxDevices: 3, ...fields };
    const res = await post(this.app, "/v1/admin/policies", body, { token: this.admin });
    if (res.status !== 201) throw new Error(`policy: ${res.status} ${res.text}`);
    return str(res.body, "id");
  }

  async issue(policyId: string, count = 1, ownerEmail?: string) {
    const body = { policyId, count, ...(ownerEmail === undefined ? {} : { ownerEmail }) };
    const res = await post<{ licenses: { id: string; key: string }[] }>(
      this.app,
      "/v1/admin/licenses",
      body,
      {
        token: this.admin,
      },
    );
    if (res.status !== 201) throw new Error(`issue: ${res.status} ${res.text}`);
    return res.body.licenses.map(({ id, key }) => ({ id, key }));
  }

  /** A fresh product and policy with `count` licenses. */
  async catalogue(fields: PolicyFields = {}, count = 1, productId?: string): Promise<Catalogue> {
    const product = productId ?? (await this.product());
    const policyId = await this.policy(product, fields);
    const licenses = await this.issue(policyId, count);
    const first = licenses[0];
    if (!first) throw new Error("no license issued");
    return { productId: product, policyId, key: first.key, licenseId: first.id, licenses };
  }

  activate(key: string, fingerprint: Fingerprint, device: DeviceInfo = aDevice(), options?: CallOptions) {
    return post(this.app, "/v1/activations", { key, fingerprint, device }, options);
  }

  /** Activate and insist it worked; the device id and lease. */
  async activated(key: string, fingerprint: Fingerprint, device: DeviceInfo = aDevice()) {
    const res = await this.activate(key, fingerprint, device);
    if (res.status !== 201 && res.status !== 200) throw new Error(`activate: ${res.status} ${res.text}`);
    return { deviceId: str(res.body, "device.id"), lease: str(res.body, "lease"), answer: res };
  }

  validate(
    by: { readonly key: string } | { readonly lease: string },
    fingerprint: Fingerprint,
    nonce: string = newNonce(),
    options?: CallOptions,
  ): Promise<Answer> {
    return post(this.app, "/v1/validate", { ...by, fingerprint, nonce }, options);
  }

  /** Admin GET/POST with the admin token unless another is given. */
  adminGet(path: string, token: string = this.admin) {
    return get(this.app, path, { token });
  }

  adminPost(path: string, body: unknown, token: string = this.admin) {
    return post(this.app, path, body, { token });
  }

  adminCall(method: string, path: string, body?: unknown, token: string = this.admin) {
    return call(this.app, method, path, body, { token });
  }

  /** The public keys as a client gets them: from the JWKS, through `publicKeyFromJwk`. */
  async publicKeys(): Promise<Map<string, KeyObject>> {
    const res = await get<{ keys: PublicJwk[] }>(this.app, "/.well-known/jwks.json");
    if (res.status !== 200) throw new Error(`jwks: ${res.status} ${res.text}`);
    return new Map(res.body.keys.map((jwk) => [jwk.kid, publicKeyFromJwk(jwk)]));
  }

  /** The license's timeline, oldest first. */
  async timeline(
    licenseId: string,
  ): Promise<{ type: string; actor: string; reason?: string; data: Record<string, unknown> }[]> {
    const res = await this.adminGet(`/v1/admin/licenses/${licenseId}/timeline`);
    if (res.status !== 200) throw new Error(`timeline: ${res.status} ${res.text}`);
    return (res.body as { events: { type: string; actor: string; data: Record<string, unknown> }[] }).events;
  }

  async close(): Promise<void> {
    await this.deps.lastSeen.close();
    await this.store.close();
    this.cleanup();
  }
}

export const aDevice = (name = "Aiko's laptop", platform = "linux"): DeviceInfo => ({ name, platform });

export const newNonce = (): string => randomBytes(16).toString("base64url");

export const silentLogger = (): Logger => pino({ level: "silent" });

/** Build an app on a fresh migrated store with an admin token. Close it with `close()`. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  let dir: string | undefined;
  let url = ":memory:";
  const storage = options.storage ?? "memory";
  if (storage === "file") {
    dir = mkdtempSync(join(tmpdir(), "ninsho-server-test-"));
    url = join(dir, "ninsho.db");
  } else if (typeof storage === "object") {
    url = storage.url;
  }
  const store = createStore({ url });
  await store.migrate();
  const clock = options.clock ?? testClock();
  const deps = buildDeps({
    store,
    masterKey: randomBytes(32),
    logger: options.logger ?? silentLogger(),
    clock: clock.now,
    accounts: { scryptCost: TEST_SCRYPT_COST, ...options.accounts },
    ...(options.webhooks === undefined ? {} : { webhooks: options.webhooks }),
    ...(options.limits === undefined
      ? {}
      : { limits: typeof options.limits === "function" ? options.limits(store) : options.limits }),
  });
  const { token } = await createToken(deps, { name: "test admin", role: "admin" });
  const cleanup = () => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  };
  return new TestServer(
    deps,
    store,
    clock,
    token,
    url,
    dir === undefined ? undefined : url,
    options.app ?? {},
    cleanup,
  );
}

/**
 * Servers for the tests of a block, closed after each test (`scope: "each"`) or after the file (`"all"`).
 * @example
 * const servers = useServers();
 * it("…", async () => { const t = await servers.start(); … });
 */
export function useServers(scope: "each" | "all" = "each") {
  const open: TestServer[] = [];
  const closeAll = async () => {
    const closing = open.splice(0);
    await Promise.all(closing.map((server) => server.close()));
  };
  if (scope === "each") afterEach(closeAll);
  else afterAll(closeAll);
  return {
    async start(options: TestServerOptions = {}): Promise<TestServer> {
      const server = await startTestServer(options);
      open.push(server);
      return server;
    },
  };
}
