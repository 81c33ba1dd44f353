import type { Component, Device, License } from "@ninsho/core";
import { sql } from "kysely";
import type { DeviceRepository } from "../contracts.js";
import { parseJson, present } from "../json.js";
import type { DevicePatch } from "../records.js";
import type { DevicesTable } from "../schema.js";
import { insertRows } from "./bulkInsert.js";
import { compiledRows } from "./compiledRead.js";
import type { Dialect, Direct, Executor } from "./executor.js";
import { toLicense } from "./licenses.js";

/** Devices per last-seen UPDATE on PostgreSQL (two parameters each, far under the protocol's 65,535). */
const TOUCH_CHUNK = 1000;
/** Devices per last-seen UPDATE on SQLite (two parameters each, under its 32,766 variables). */
const TOUCH_CHUNK_SQLITE = 500;

export class KyselyDeviceRepository implements DeviceRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect = "sqlite",
    private readonly direct?: Direct,
  ) {}

  /** One device (every activation writes one): its INSERT compiled once, not built by Kysely each time. */
  async insert(device: Device): Promise<void> {
    await insertRows(this.db, this.dialect, "devices", [toRow(device)], 1);
  }

  async findById(id: string): Promise<Device | undefined> {
    const row = await this.db.selectFrom("devices").selectAll().where("id", "=", id).executeTakeFirst();
    return row && toDevice(row);
  }

  /**
   * A device and its license in one indexed lookup (the device's primary key, then the license's): what a
   * validation by lease reads (compiled once: a hot read).
   */
  async findWithLicense(id: string): Promise<{ device: Device; license: License } | undefined> {
    const [row] = await compiledRows(
      this.db,
      this.dialect,
      this.direct,
      "devices.findWithLicense",
      withLicense,
      [id],
    );
    if (!row) return undefined;
    const license = toLicense({
      id: row.license_id,
      product_id: row.l_product_id,
      policy_id: row.l_policy_id,
      key_digest: "", // not part of a domain license
      sealed_key: "",
      key_hint: row.l_key_hint,
      status: row.l_status,
      status_reason: row.l_status_reason,
      owner_email: row.l_owner_email,
      base_license_id: row.l_base_license_id,
      created_at: row.l_created_at,
      first_activated_at: row.l_first_activated_at,
      expires_at: row.l_expires_at,
      overrides: row.l_overrides ?? null,
      consumed_by: row.l_consumed_by,
      entitlement_changes: row.l_entitlement_changes,
      past_due_since: row.l_past_due_since,
      // A validation never binds or repairs: the channel's binding is read by activations only.
      bound_component: null,
      warranty_repair: null,
    });
    return { device: toDevice(row), license };
  }

  /** The devices holding an activation on a license now (compiled once: a hot read). */
  async listActive(licenseId: string): Promise<Device[]> {
    const rows = await compiledRows(
      this.db,
      this.dialect,
      this.direct,
      "devices.listActive",
      (db) =>
        db
          .selectFrom("devices")
          .selectAll()
          .where("license_id", "=", "")
          .where("deactivated_at", "is", null)
          .orderBy("id"),
      [licenseId],
    );
    return rows.map(toDevice);
  }

  /** Every device a license ever had, deactivated ones included (for the timeline and support). */
  async listAll(licenseId: string): Promise<Device[]> {
    const rows = await this.db
      .selectFrom("devices")
      .selectAll()
      .where("license_id", "=", licenseId)
      .orderBy("id")
      .execute();
    return rows.map(toDevice);
  }

  /**
   * The newest fork on a license, deactivated devices included (the guard after a fork, `forkGuardRefusal` in
   * core, outlives the forked device). One indexed read by license; read only when an activation by key would
   * take a live line, so ordinary activations never pay for it.
   */
  async lastForkAt(licenseId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom("devices")
      .select((eb) => eb.fn.max("forked_at").as("at"))
      .where("license_id", "=", licenseId)
      .where("forked_at", "is not", null)
      .executeTakeFirst();
    return row?.at ?? undefined;
  }

  /** Devices' components by id, a page at a time (`afterId` exclusive), for a pass over every device. */
  async componentsPage(
    afterId: string,
    limit: number,
  ): Promise<{ readonly id: string; readonly components: Component[] }[]> {
    const rows = await this.db
      .selectFrom("devices")
      .select(["id", "components"])
      .where("id", ">", afterId)
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((row) => ({ id: row.id, components: parseJson<Component[]>(row.components) }));
  }

  /**
   * Replace a device's components only if they are still `from` (compare and set), so a pass that read them
   * never overwrites what a request wrote meanwhile. True when replaced.
   */
  async replaceComponents(
    id: string,
    from: readonly Component[],
    to: readonly Component[],
  ): Promise<boolean> {
    const result = await this.db
      .updateTable("devices")
      .set({ components: JSON.stringify(to) })
      .where("id", "=", id)
      .where("components", "=", JSON.stringify(from))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async update(id: string, patch: DevicePatch): Promise<void> {
    const set: Partial<DevicesTable> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.platform !== undefined) set.platform = patch.platform;
    if (patch.collector !== undefined) set.collector = patch.collector;
    if (patch.components !== undefined) set.components = JSON.stringify(patch.components);
    if (patch.fingerprintDigest !== undefined) set.fingerprint_digest = patch.fingerprintDigest;
    if (patch.leaseCounters !== undefined) {
      set.lease_issued = patch.leaseCounters.issued;
      set.lease_issued_from = patch.leaseCounters.issuedFrom;
      set.lease_suspected_at = patch.leaseCounters.suspectedAt ?? null;
      set.lease_suspected_ctr = patch.leaseCounters.suspectedCounter ?? null;
      set.lease_lineage_from = patch.leaseCounters.lineageFrom ?? 0;
    }
    if (patch.leaseIssuedAt !== undefined) set.lease_issued_at = patch.leaseIssuedAt;
    if (patch.lastSeenAt !== undefined) set.last_seen_at = patch.lastSeenAt;
    if (patch.deactivatedAt !== undefined) set.deactivated_at = patch.deactivatedAt;
    if (patch.forkedAt !== undefined) set.forked_at = patch.forkedAt;
    if (patch.deviceSecret !== undefined) set.device_secret = patch.deviceSecret;
    if (patch.leaseDigest !== undefined) set.lease_digest = patch.leaseDigest;
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable("devices").set(set).where("id", "=", id).execute();
  }

  /**
   * Record when devices were last seen, many at once. Validation only notes the time in memory and a flusher
   * writes batches here, so answering a validation never waits on, or contends for, a device row. On SQLite's
   * own store (not a transaction) the batch is written by a worker thread's connection (`Direct.writeAside`):
   * thousands of random rows make tens of MB of WAL to write and fsync, which would stop the event loop.
   */
  /** Devices named `name`, case ignored, deactivated ones included (support's search box). */
  async findByName(name: string, limit: number): Promise<Device[]> {
    const rows = await this.db
      .selectFrom("devices")
      .selectAll()
      .where(sql<string>`lower(name)`, "=", name.toLowerCase())
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map(toDevice);
  }

  /** How many licenses have n active devices, for every n ≥ 1 that occurs, fewest devices first. */
  async activeDeviceHistogram(): Promise<{ devices: number; licenses: number }[]> {
    const perLicense = this.db
      .selectFrom("devices")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("deactivated_at", "is", null)
      .groupBy("license_id")
      .as("per_license");
    const rows = await this.db
      .selectFrom(perLicense)
      .select(["per_license.n", (eb) => eb.fn.countAll<number | string>().as("licenses")])
      .groupBy("per_license.n")
      .orderBy("per_license.n")
      .execute();
    return rows.map((row) => ({ devices: Number(row.n), licenses: Number(row.licenses) }));
  }

  async touchMany(seen: ReadonlyMap<string, string>): Promise<void> {
    // In id order, so two processes flushing overlapping batches lock the rows in the same order.
    const entries = [...seen].sort(([a], [b]) => (a < b ? -1 : 1));
    if (this.dialect === "postgres") {
      // One statement per chunk: a round trip per batch rather than per device.
      for (let i = 0; i < entries.length; i += TOUCH_CHUNK) {
        const rows = sql.join(entries.slice(i, i + TOUCH_CHUNK).map(([id, at]) => sql`(${id}, ${at})`));
        await sql`update devices as d set last_seen_at = v.at from (values ${rows}) as v(id, at)
          where d.id = v.id and d.last_seen_at < v.at`.execute(this.db);
      }
      return;
    }
    // SQLite: one UPDATE … FROM per chunk too. A statement per device cost Kysely tens of microseconds each
    // to build, back to back on the event loop: with devices validated at random over a large fleet, one
    // flush (thousands of devices) stalled every request for a large part of a second.
    const statements = [];
    for (let i = 0; i < entries.length; i += TOUCH_CHUNK_SQLITE) {
      const rows = sql.join(entries.slice(i, i + TOUCH_CHUNK_SQLITE).map(([id, at]) => sql`(${id}, ${at})`));
      statements.push(
        sql`update devices set last_seen_at = v.at
        from (select column1 as id, column2 as at from (values ${rows})) as v
        where devices.id = v.id and devices.last_seen_at < v.at`.compile(this.db),
      );
    }
    if (this.direct) return this.direct.writeAside(statements);
    for (const statement of statements) await this.db.executeQuery(statement);
  }
}

/** A device row with its license's columns (`l_…`), by the device's id. */
const withLicense = (db: Executor) =>
  db
    .selectFrom("devices")
    .innerJoin("licenses", "licenses.id", "devices.license_id")
    .selectAll("devices")
    .select([
      "licenses.product_id as l_product_id",
      "licenses.policy_id as l_policy_id",
      "licenses.key_hint as l_key_hint",
      "licenses.status as l_status",
      "licenses.status_reason as l_status_reason",
      "licenses.owner_email as l_owner_email",
      "licenses.base_license_id as l_base_license_id",
      "licenses.created_at as l_created_at",
      "licenses.first_activated_at as l_first_activated_at",
      "licenses.expires_at as l_expires_at",
      "licenses.overrides as l_overrides",
      "licenses.consumed_by as l_consumed_by",
      "licenses.entitlement_changes as l_entitlement_changes",
      "licenses.past_due_since as l_past_due_since",
    ])
    .where("devices.id", "=", "");

const toRow = (d: Device): DevicesTable => ({
  id: d.id,
  license_id: d.licenseId,
  name: d.name,
  platform: d.platform,
  collector: d.collector,
  components: JSON.stringify(d.components),
  fingerprint_digest: d.fingerprintDigest,
  lease_issued: d.leaseCounters.issued,
  lease_issued_from: d.leaseCounters.issuedFrom,
  lease_suspected_at: d.leaseCounters.suspectedAt ?? null,
  lease_suspected_ctr: d.leaseCounters.suspectedCounter ?? null,
  lease_lineage_from: d.leaseCounters.lineageFrom ?? 0,
  lease_issued_at: d.leaseIssuedAt,
  activated_at: d.activatedAt,
  last_seen_at: d.lastSeenAt,
  deactivated_at: d.deactivatedAt ?? null,
  forked_at: d.forkedAt ?? null,
  device_secret: d.deviceSecret ?? null,
  lease_digest: d.leaseDigest ?? null,
});

export const toDevice = (row: DevicesTable): Device => ({
  id: row.id,
  licenseId: row.license_id,
  name: row.name,
  platform: row.platform,
  collector: row.collector,
  components: parseJson(row.components),
  fingerprintDigest: row.fingerprint_digest,
  leaseCounters: {
    issued: Number(row.lease_issued),
    issuedFrom: Number(row.lease_issued_from),
    ...(row.lease_suspected_at === null ? {} : { suspectedAt: Number(row.lease_suspected_at) }),
    ...(row.lease_suspected_ctr === null ? {} : { suspectedCounter: Number(row.lease_suspected_ctr) }),
    ...(Number(row.lease_lineage_from) === 0 ? {} : { lineageFrom: Number(row.lease_lineage_from) }),
  },
  leaseIssuedAt: row.lease_issued_at,
  activatedAt: row.activated_at,
  lastSeenAt: row.last_seen_at,
  ...present("deactivatedAt", row.deactivated_at),
  ...present("forkedAt", row.forked_at),
  ...present("deviceSecret", row.device_secret),
  ...present("leaseDigest", row.lease_digest),
});

export type { DevicePatch } from "../records.js";
