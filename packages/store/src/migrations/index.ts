import type { Migration, MigrationProvider } from "kysely";
import * as initial from "./0001_initial.js";
import * as offline from "./0002_offline.js";
import * as forkSuspicion from "./0003_fork_suspicion.js";
import * as scale from "./0004_scale.js";
import * as adminAudit from "./0005_admin_audit.js";
import * as keyedDigests from "./0006_keyed_component_digests.js";
import * as lineage from "./0007_lineage.js";
import * as seats from "./0008_seats.js";
import * as accounts from "./0009_accounts.js";
import * as deviceKey from "./0010_device_key.js";
import * as seatDeviceKey from "./0011_seat_device_key.js";
import * as deviceCodes from "./0012_device_codes.js";
import * as deviceSecret from "./0013_device_secret.js";
import * as adminChanges from "./0014_admin_changes.js";
import * as webhooks from "./0015_webhooks.js";
import * as transfers from "./0016_transfers.js";
import * as channels from "./0017_channels.js";
import * as seatDeviceSecret from "./0018_seat_device_secret.js";
import * as dailyCounts from "./0019_daily_counts.js";
import * as phoneFeatures from "./0020_phone_features.js";
import * as leaseDigest from "./0021_lease_digest.js";

/**
 * The one migration history both databases follow, in order. Migrations live in code rather than a folder
 * scan so a bundled or compiled server carries them with it. Never edit a shipped migration: add the next.
 */
const migrations: Record<string, Migration> = {
  "0001_initial": initial,
  "0002_offline": offline,
  "0003_fork_suspicion": forkSuspicion,
  "0004_scale": scale,
  "0005_admin_audit": adminAudit,
  "0006_keyed_component_digests": keyedDigests,
  "0007_lineage": lineage,
  "0008_seats": seats,
  "0009_accounts": accounts,
  "0010_device_key": deviceKey,
  "0011_seat_device_key": seatDeviceKey,
  "0012_device_codes": deviceCodes,
  "0013_device_secret": deviceSecret,
  "0014_admin_changes": adminChanges,
  "0015_webhooks": webhooks,
  "0016_transfers": transfers,
  "0017_channels": channels,
  "0018_seat_device_secret": seatDeviceSecret,
  "0019_daily_counts": dailyCounts,
  "0020_phone_features": phoneFeatures,
  "0021_lease_digest": leaseDigest,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
