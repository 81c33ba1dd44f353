import { randomBytes } from "node:crypto";
import { unseal } from "@ninsho/core";
import { createStore, type Store } from "@ninsho/store";
import { pino } from "pino";
import { createApp } from "../../../packages/server/src/app.js";
import { buildDeps } from "../../../packages/server/src/buildDeps.js";
import type { ServerDeps } from "../../../packages/server/src/deps.js";
import { createToken } from "../../../packages/server/src/services/admin/tokens.js";

export const DAY_MS = 86_400_000;
/** Day 0 of every simulated fleet: all server times are this plus the simulated day. */
export const EPOCH_MS = Date.parse("2027-01-04T00:00:00.000Z");

/** One parsed answer of the app. */
export interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** The policy a simulated fleet is sold under (the admin API's fields). */
export interface PolicyFields {
  readonly channel: "retail" | "oem";
  readonly maxDevices: number;
  readonly leaseSeconds: number;
  readonly graceSeconds: number;
  /** Left out: the server's default for the channel (an OEM license is not transferable). */
  readonly transferable?: boolean;
  readonly transfersPerYear?: number;
}

/**
 * The buyer of the `n`th license sold: each license has its own owner and mailbox, where the server's transfer
 * codes arrive. Only the owner reads it; a copy's user, holding the key alone, never sees a code. (One address
 * for every license made one person the owner of the whole fleet, and the server rightly mails an address at
 * most 5 times an hour: a sixth code was dropped and another license's code read in its place.)
 */
export const ownerEmail = (n: number): string => `owner-${n}@fleet.example`;

/** The default policy a vendor ships: one device, a 7-day lease, 14 days of grace, three transfers a year. */
export const RETAIL: PolicyFields = {
  channel: "retail",
  maxDevices: 1,
  leaseSeconds: 7 * 86_400,
  graceSeconds: 14 * 86_400,
  transferable: true,
  transfersPerYear: 3,
};

/**
 * An OEM policy as the server defines the channel: the same lease, transfers left to the server's default for
 * OEM (none), and the license bound to its first board (OEM_BOARD_CHANGED; a warranty repair rebinds once).
 */
export const OEM: PolicyFields = {
  channel: "oem",
  maxDevices: 1,
  leaseSeconds: 7 * 86_400,
  graceSeconds: 14 * 86_400,
};

/**
 * The server's own app (`createApp`) on an in-memory SQLite store, driven through `app.request` with a clock
 * the simulation moves: the decisions counted are the real server's, not a model of them.
 */
export class RealServer {
  private nowMs = EPOCH_MS;
  /** Each license's owner's address, by key. */
  private readonly owners = new Map<string, string>();
  private constructor(
    readonly deps: ServerDeps,
    readonly store: Store,
    readonly app: ReturnType<typeof createApp>,
    readonly admin: string,
    /** A support token: support's actions (a warranty repair) go through the role that is meant to make them. */
    readonly support: string,
  ) {}

  static async start(): Promise<RealServer> {
    const store = createStore({ url: ":memory:" });
    await store.migrate();
    let server: RealServer | undefined;
    const deps = buildDeps({
      store,
      masterKey: randomBytes(32),
      logger: pino({ level: "silent" }),
      clock: () => new Date(server?.nowMs ?? EPOCH_MS),
      // Last-seen times are a display aid; writing them every request only slows the simulation.
      lastSeenIntervalMs: 3_600_000,
    });
    const { token } = await createToken(deps, { name: "fleet", role: "admin" });
    const support = await createToken(deps, { name: "fleet support", role: "support" });
    server = new RealServer(deps, store, createApp(deps), token, support.token);
    return server;
  }

  /** Move the server's clock to `day` of the simulation (never backwards: the queue is in time order). */
  at(day: number): void {
    this.nowMs = Math.max(this.nowMs, EPOCH_MS + Math.round(day * DAY_MS));
  }

  get now(): Date {
    return new Date(this.nowMs);
  }

  async post(path: string, body: unknown, as: "admin" | "support" | false = false): Promise<Reply> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (as) headers.authorization = `Bearer ${as === "admin" ? this.admin : this.support}`;
    const res = await this.app.request(path, { method: "POST", headers, body: JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>) };
  }

  private async created(path: string, body: unknown): Promise<Record<string, unknown>> {
    const reply = await this.post(path, body, "admin");
    if (reply.status !== 201) throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  /** A product with its fingerprint salt (what the vendor ships in the app). */
  async product(name: string): Promise<{ id: string; salt: string }> {
    const body = await this.created("/v1/admin/products", { name });
    return { id: String(body.id), salt: String(body.fingerprintSalt ?? body.id) };
  }

  async policy(productId: string, fields: PolicyFields, name: string): Promise<string> {
    return String((await this.created("/v1/admin/policies", { productId, name, ...fields })).id);
  }

  /** `count` new licenses of `policyId`, each sold to an owner of its own: their keys. */
  async licenses(policyId: string, count: number): Promise<string[]> {
    const keys: string[] = [];
    while (keys.length < count) {
      const email = ownerEmail(this.owners.size);
      const body = await this.created("/v1/admin/licenses", { policyId, count: 1, ownerEmail: email });
      for (const l of body.licenses as { key: string }[]) {
        keys.push(l.key);
        this.owners.set(l.key, email);
      }
    }
    return keys;
  }

  /**
   * What the owner does to move the license: asks for a transfer code with the key and reads it in their mail
   * (the server's outbox, as the owner's mailbox). `undefined` when no code arrives (too many asked, a mail
   * dropped): the owner has nothing to type.
   */
  async mailedTransferCode(key: string): Promise<string | undefined> {
    const to = this.owners.get(key);
    const before = (await this.store.outbox.list(1))[0]?.id ?? "";
    const asked = await this.post("/v1/transfers/codes", { key });
    if (asked.status !== 202 || to === undefined) return undefined;
    // Newest first: the mail that arrived since the ask, if any (the walk is sequential).
    for (const mail of await this.store.outbox.list(1000)) {
      if (mail.id <= before) break;
      if (mail.to !== to || mail.template !== "transfer-code") continue;
      const opened = JSON.parse(unseal(this.deps.secrets, mail.sealedMessage, mail.id)) as { text: string };
      return /^\s+(\d{8})$/m.exec(opened.text)?.[1];
    }
    return undefined;
  }

  /** Support's override: free a device's slot by hand (counted as a support case by the caller). */
  async supportDeactivate(deviceId: string): Promise<void> {
    const path = `/v1/admin/devices/${deviceId}/deactivate`;
    const reply = await this.post(path, { reason: "support override" }, "admin");
    if (reply.status !== 200) throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  }

  /**
   * Support records a warranty repair on an OEM license (`POST /v1/admin/licenses/{id}/warranty-repairs`): the
   * server deactivates its device, and the next activation binds the license to the board it presents, once.
   */
  async warrantyRepair(licenseId: string, reason: string): Promise<void> {
    const path = `/v1/admin/licenses/${licenseId}/warranty-repairs`;
    const reply = await this.post(path, { reason }, "support");
    if (reply.status !== 201) throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  }

  async close(): Promise<void> {
    await this.deps.lastSeen.close();
    await this.store.close();
  }
}
