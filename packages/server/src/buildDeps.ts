import { deriveSecrets } from "@ninsho/core";
import type { Store } from "@ninsho/store";
import type { Logger } from "pino";
import { OutboxMailer } from "./accounts/mail/mailer.js";
import { type AccountOptions, accountDefaults, accountKeys } from "./accounts/settings.js";
import type { ServerDeps } from "./deps.js";
import { createLogger } from "./logger.js";
import { Keyring } from "./security/keyring.js";
import { OfflineKeyring } from "./security/offlineKeys.js";
import { RateLimits } from "./security/rateLimits.js";
import { LastSeenRecorder } from "./services/lastSeen.js";
import { LeaseIssuer } from "./services/leases.js";
import { PolicyCache } from "./services/policyCache.js";
import { BatchSigner } from "./signing/batchSigner.js";
import { WebhookDispatcher } from "./webhooks/dispatcher.js";
import { type Resolve, webhookTargets } from "./webhooks/targets.js";

export interface DepsOptions {
  readonly store: Store;
  /** 32 bytes; see `loadMasterKey`. */
  readonly masterKey: Buffer;
  readonly logger?: Logger;
  readonly clock?: () => Date;
  readonly limits?: RateLimits;
  /** How often last-seen times are written, in ms. */
  readonly lastSeenIntervalMs?: number;
  /** Days an offline request stays usable (default 7). */
  readonly offlineRequestMaxAgeDays?: number;
  /** End-user accounts (public URL, mailer, password cost, sign-in limits); mail goes to the outbox by default. */
  readonly accounts?: AccountOptions;
  /**
   * Where webhooks may go: `allowPrivate` lets them reach private, loopback and link-local addresses (default
   * false: an admin token must not become a way into the server's own network); `resolve` replaces the system
   * resolver.
   */
  readonly webhooks?: { readonly allowPrivate?: boolean; readonly resolve?: Resolve };
}

/**
 * Wire the server's parts around a store and a master key.
 * @example
 * const deps = buildDeps({ store, masterKey });
 * const app = createApp(deps);
 */
export function buildDeps(options: DepsOptions): ServerDeps {
  const secrets = deriveSecrets(options.masterKey);
  const logger = options.logger ?? createLogger();
  const clock = options.clock ?? (() => new Date());
  return {
    store: options.store,
    secrets,
    keyring: new Keyring(options.store, secrets, clock),
    signer: new BatchSigner(),
    leases: new LeaseIssuer(),
    policies: new PolicyCache(options.store),
    lastSeen: new LastSeenRecorder(options.store, logger, options.lastSeenIntervalMs),
    limits: options.limits ?? RateLimits.inMemory(),
    logger,
    clock,
    webhooks: new WebhookDispatcher({
      store: options.store,
      secrets,
      logger,
      clock,
      targets: webhookTargets(options.webhooks),
    }),
    offline: {
      keys: new OfflineKeyring(options.store, secrets),
      requestMaxAgeDays: options.offlineRequestMaxAgeDays ?? 7,
    },
    accounts: {
      publicUrl: options.accounts?.publicUrl ?? accountDefaults.publicUrl,
      mailer: options.accounts?.mailer ?? new OutboxMailer(options.store, secrets, logger, clock),
      keys: accountKeys(options.masterKey),
      scryptCost: options.accounts?.scryptCost ?? accountDefaults.scryptCost,
      signInLimits: options.accounts?.signInLimits ?? accountDefaults.signInLimits,
    },
  };
}
