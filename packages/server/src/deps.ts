import type { Secrets } from "@ninsho/core";
import type { Store } from "@ninsho/store";
import type { Logger } from "pino";
import type { AccountSettings } from "./accounts/settings.js";
import type { Keyring } from "./security/keyring.js";
import type { OfflineKeyring } from "./security/offlineKeys.js";
import type { RateLimits } from "./security/rateLimits.js";
import type { LastSeenRecorder } from "./services/lastSeen.js";
import type { LeaseIssuer } from "./services/leases.js";
import type { PolicyCache } from "./services/policyCache.js";
import type { BatchSigner } from "./signing/batchSigner.js";
import type { WebhookDispatcher } from "./webhooks/dispatcher.js";

/** Everything the app needs from outside, passed in so tests build an app on any store without a socket. */
export interface ServerDeps {
  readonly store: Store;
  readonly secrets: Secrets;
  readonly keyring: Keyring;
  readonly signer: BatchSigner;
  readonly leases: LeaseIssuer;
  readonly policies: PolicyCache;
  readonly lastSeen: LastSeenRecorder;
  readonly limits: RateLimits;
  readonly logger: Logger;
  /** The current instant; tests move it. */
  readonly clock: () => Date;
  /** Offline activation (installation IDs, license files): product offline keys and request age. */
  readonly offline: OfflineSettings;
  /** End-user accounts: public URL, mailer, derived keys, password cost, sign-in limits. */
  readonly accounts: AccountSettings;
  /** Outbound webhooks: the background dispatcher (started by `startServer`; tests run it by hand). */
  readonly webhooks: WebhookDispatcher;
}

export interface OfflineSettings {
  readonly keys: OfflineKeyring;
  /** Days an installation ID or request file stays usable after the day it was made (default 7). */
  readonly requestMaxAgeDays: number;
}
