import type { Seat, SeatKind } from "@ninsho/core";
import type { SeatRepository } from "../contracts.js";
import { present } from "../json.js";
import type { SeatRenewal } from "../records.js";
import type { SeatsTable } from "../schema.js";
import type { Executor } from "./executor.js";

export class KyselySeatRepository implements SeatRepository {
  constructor(private readonly db: Executor) {}

  async insert(seat: Seat): Promise<void> {
    await this.db.insertInto("seats").values(toRow(seat)).execute();
  }

  async findById(id: string): Promise<Seat | undefined> {
    const row = await this.db.selectFrom("seats").selectAll().where("id", "=", id).executeTakeFirst();
    return row && toSeat(row);
  }

  async listHeld(licenseId: string, now: string): Promise<Seat[]> {
    const rows = await this.db
      .selectFrom("seats")
      .selectAll()
      .where("license_id", "=", licenseId)
      .where("returned_at", "is", null)
      .where("expires_at", ">", now)
      .orderBy("id")
      .execute();
    return rows.map(toSeat);
  }

  async countHeld(licenseId: string, now: string): Promise<number> {
    const row = await this.db
      .selectFrom("seats")
      .select((eb) => eb.fn.countAll<number | string>().as("held"))
      .where("license_id", "=", licenseId)
      .where("returned_at", "is", null)
      .where("expires_at", ">", now)
      .executeTakeFirst();
    return Number(row?.held ?? 0);
  }

  async findHeldBy(licenseId: string, holder: string, now: string): Promise<Seat | undefined> {
    const row = await this.db
      .selectFrom("seats")
      .selectAll()
      .where("license_id", "=", licenseId)
      .where("returned_at", "is", null)
      .where("expires_at", ">", now)
      .where("holder", "=", holder)
      .executeTakeFirst();
    return row && toSeat(row);
  }

  async listOverlapping(licenseId: string, from: string, to: string): Promise<Seat[]> {
    const rows = await this.db
      .selectFrom("seats")
      .selectAll()
      .where("license_id", "=", licenseId)
      .where("checked_out_at", "<", to)
      .where("expires_at", ">", from)
      .orderBy("id")
      .execute();
    return rows.map(toSeat);
  }

  async renew(id: string, patch: SeatRenewal): Promise<void> {
    await this.db
      .updateTable("seats")
      .set({
        heartbeat_at: patch.heartbeatAt,
        expires_at: patch.expiresAt,
        ...(patch.kind === undefined ? {} : { kind: patch.kind }),
        ...(patch.endsBy === undefined ? {} : { ends_by: patch.endsBy }),
        ...(patch.secretDigest === undefined ? {} : { secret_digest: patch.secretDigest }),
        ...(patch.deviceSecret === undefined ? {} : { device_secret: patch.deviceSecret }),
      })
      .where("id", "=", id)
      .execute();
  }

  async markReturned(id: string, at: string): Promise<void> {
    await this.db
      .updateTable("seats")
      .set({ returned_at: at })
      .where("id", "=", id)
      .where("returned_at", "is", null)
      .execute();
  }

  async pruneEnded(licenseId: string, before: string): Promise<number> {
    // A seat's end is its return or its expiry, whichever came first: an expiry before `before` ends it there.
    const result = await this.db
      .deleteFrom("seats")
      .where("license_id", "=", licenseId)
      .where("expires_at", "<", before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

const toRow = (seat: Seat): SeatsTable => ({
  id: seat.id,
  license_id: seat.licenseId,
  kind: seat.kind,
  holder: seat.holder,
  name: seat.name,
  platform: seat.platform,
  secret_digest: seat.secretDigest,
  overage: seat.overage ? 1 : 0,
  checked_out_at: seat.checkedOutAt,
  heartbeat_at: seat.heartbeatAt,
  expires_at: seat.expiresAt,
  ends_by: seat.endsBy ?? null,
  returned_at: seat.returnedAt ?? null,
  device_secret: seat.deviceSecret ?? null,
});

const toSeat = (row: SeatsTable): Seat => ({
  id: row.id,
  licenseId: row.license_id,
  kind: row.kind as SeatKind,
  holder: row.holder,
  name: row.name,
  platform: row.platform,
  secretDigest: row.secret_digest,
  overage: Number(row.overage) === 1,
  checkedOutAt: row.checked_out_at,
  heartbeatAt: row.heartbeat_at,
  expiresAt: row.expires_at,
  ...present("endsBy", row.ends_by),
  ...present("returnedAt", row.returned_at),
  ...present("deviceSecret", row.device_secret),
});
