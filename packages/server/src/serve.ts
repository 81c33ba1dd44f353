import { rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import { deriveSecrets } from "@ninsho/core";
import { createStore, isPostgresUrl } from "@ninsho/store";
import type { Logger } from "pino";
import { SmtpMailer } from "./accounts/mail/mailer.js";
import { type AppExtension, createApp } from "./app.js";
import { banner } from "./banner.js";
import { buildDeps } from "./buildDeps.js";
import type { ServerDeps } from "./deps.js";
import { InFlight } from "./http/inflight.js";
import { LoadShedder, type OverloadOptions } from "./http/overload.js";
import { type TrustProxy, trustProxyProblem } from "./http/trustProxy.js";
import { createLogger } from "./logger.js";
import { writeAdminTokenFile } from "./security/adminTokenFile.js";
import { assertMasterKeyOpens, loadMasterKey } from "./security/masterKey.js";
import { logTightened, makeDataPrivate } from "./security/privateFiles.js";
import { rekeyStoredDigests } from "./security/rekeyDigests.js";
import { openRateLimits } from "./security/sharedRateLimits.js";
import { type Seeded, seedIfEmpty } from "./seed.js";

/** How long a stopping server waits for the requests it is still answering. */
const DRAIN_TIMEOUT_MS = 10_000;

export interface StartOptions {
  /** Folder for the SQLite file and the master key file (default `./data`). */
  readonly dataDir?: string;
  /** `postgres://…` to use PostgreSQL instead of the embedded SQLite (default: `DATABASE_URL`). */
  readonly databaseUrl?: string;
  /** `redis://…` to keep the key-guessing counters in Redis (default: `NINSHO_REDIS_URL`). */
  readonly redisUrl?: string;
  /** Prefix of those Redis keys (default: `NINSHO_REDIS_PREFIX`, else `ninsho`). */
  readonly redisPrefix?: string;
  readonly port?: number;
  readonly host?: string;
  /** Seed an admin token and a demo product on an empty database (default true). */
  readonly seed?: boolean;
  /** The proxies whose X-Forwarded-For is believed (see `AppOptions.trustProxy`; default none). */
  readonly trustProxy?: TrustProxy;
  /** Leading bits of an IPv6 address that count as one client for the rate limits (default 64). */
  readonly ipv6Prefix?: number;
  /**
   * Load shedding (503 SERVER_BUSY with Retry-After beyond saturation; `false` turns it off). Defaults come from
   * NINSHO_MAX_INFLIGHT and NINSHO_MAX_EVENT_LOOP_DELAY_MS, else `OVERLOAD_DEFAULTS`.
   */
  readonly overload?: OverloadOptions | false;
  /** Add the bench's floor route. */
  readonly floorRoute?: boolean;
  /** Routes from outside the server, e.g. `registerWeb` from @ninsho/web (see `AppOptions.extensions`). */
  readonly extensions?: readonly AppExtension[];
  /** Where the banner goes (default stdout). */
  readonly print?: (line: string) => void;
  /**
   * Print a first start's admin token (default: only when stdout is a terminal). Otherwise it is written to
   * `initial-admin-token` in the data folder (mode 0600) and the banner prints that file's path, so the token
   * never lands in a log collected from standard output.
   */
  readonly showAdminToken?: boolean;
  readonly logger?: Logger;
  /**
   * Where users reach the server, for mailed links and the CSRF check (default: NINSHO_PUBLIC_URL, else the
   * address listened on). Behind a TLS proxy set it to the https URL: session cookies then get `Secure`.
   */
  readonly publicUrl?: string;
  /** `smtp://…` or `smtps://…` to send account mail (default: NINSHO_SMTP_URL); else it goes to the outbox. */
  readonly smtpUrl?: string;
  /** The sender of account mail (default: NINSHO_MAIL_FROM, else `Ninsho <no-reply@localhost>`). */
  readonly mailFrom?: string;
  /**
   * Let webhooks reach private, loopback and link-local addresses, for a receiver on the server's own network
   * (default: NINSHO_WEBHOOKS_ALLOW_PRIVATE is `1` or `true`, else no: see docs/deploy.md).
   */
  readonly allowPrivateWebhooks?: boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly deps: ServerDeps;
  readonly seeded?: Seeded;
  close(): Promise<void>;
}

/**
 * Open the store, bring its schema up to date, seed a first start, and listen.
 * @example
 * const server = await startServer({ dataDir: "./data", port: 8080 });
 * console.log(server.url);
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const trustProblem = trustProxyProblem(options.trustProxy ?? 0);
  if (trustProblem !== undefined) throw new TypeError(trustProblem);
  const dataDir = resolve(options.dataDir ?? "./data");
  const databaseUrl = options.databaseUrl || process.env.DATABASE_URL || join(dataDir, "ninsho.db"); // empty means unset
  const logger = options.logger ?? createLogger();
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const sqlitePath = isPostgresUrl(databaseUrl) ? undefined : databaseUrl;
  logTightened(logger, makeDataPrivate(dataDir, sqlitePath));
  const master = loadMasterKey(dataDir, process.env.NINSHO_MASTER_KEY);
  const store = createStore({ url: databaseUrl });
  let rate: Awaited<ReturnType<typeof openRateLimits>> | undefined;
  const release = async () => {
    await rate?.close();
    await store.close();
  };
  try {
    await store.migrate();
    await assertMasterKeyOpens(store, master.key);
    await rekeyStoredDigests(store, deriveSecrets(master.key), logger);
    const redisUrl = options.redisUrl || process.env.NINSHO_REDIS_URL || undefined;
    const redisPrefix = options.redisPrefix ?? process.env.NINSHO_REDIS_PREFIX;
    rate = await openRateLimits({
      store,
      logger,
      ...(redisUrl === undefined ? {} : { redisUrl }),
      ...(redisPrefix === undefined ? {} : { redisPrefix }),
    });
  } catch (error) {
    await release();
    // A key made just now for a database that needs another one would only hide the one to restore.
    if (master.source === "created") rmSync(join(dataDir, "master.key"), { force: true });
    throw error;
  }
  const host = options.host ?? "127.0.0.1";
  const smtpUrl = options.smtpUrl || process.env.NINSHO_SMTP_URL || undefined;
  const mailFrom = options.mailFrom || process.env.NINSHO_MAIL_FROM || "Ninsho <no-reply@localhost>";
  const publicUrl =
    options.publicUrl ||
    process.env.NINSHO_PUBLIC_URL ||
    `http://${host.includes(":") ? `[${host}]` : host}:${options.port ?? 8080}`;
  const mailer = smtpUrl === undefined ? undefined : await SmtpMailer.fromUrl(smtpUrl, mailFrom, logger);
  const deps = buildDeps({
    store,
    masterKey: master.key,
    logger,
    limits: rate.limits,
    accounts: { publicUrl, ...(mailer === undefined ? {} : { mailer }) },
    webhooks: {
      allowPrivate:
        options.allowPrivateWebhooks ?? /^(1|true)$/i.test(process.env.NINSHO_WEBHOOKS_ALLOW_PRIVATE ?? ""),
    },
  });
  const shedder = options.overload === false ? undefined : new LoadShedder(overloadOptions(options.overload));
  const app = createApp(deps, {
    ...(shedder ? { overload: shedder } : {}),
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    ...(options.ipv6Prefix === undefined ? {} : { ipv6Prefix: options.ipv6Prefix }),
    ...(options.floorRoute === undefined ? {} : { floorRoute: options.floorRoute }),
    ...(options.extensions === undefined ? {} : { extensions: options.extensions }),
  });
  const inflight = new InFlight();
  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((ready, refuse) => {
      const s = serve({ fetch: inflight.wrap(app.fetch), port: options.port ?? 8080, hostname: host }, () =>
        ready(s),
      );
      s.once("error", refuse); // e.g. EADDRINUSE: fail the start instead of an uncaught error
    });
  } catch (error) {
    shedder?.close();
    await deps.lastSeen.close();
    await release();
    throw error;
  }
  // Seed only once listening: a first start that cannot listen must not make (and lose) the admin token.
  let seeded: Seeded | undefined;
  try {
    seeded = options.seed === false ? undefined : await seedIfEmpty(deps);
  } catch (error) {
    await new Promise<void>((done) => server.close(() => done()));
    shedder?.close();
    await deps.lastSeen.close();
    await release();
    throw error;
  }
  deps.webhooks.start();
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  print(`Ninsho activation server listening on ${url}`);
  print(
    `database: ${isPostgresUrl(databaseUrl) ? "PostgreSQL" : databaseUrl}; master key: ${master.source}; rate limits: ${rate.backend}; account mail: ${deps.accounts.mailer.kind}`,
  );
  if (seeded) {
    const showToken = options.showAdminToken ?? process.stdout.isTTY === true;
    const tokenFile = showToken ? undefined : writeAdminTokenFile(dataDir, seeded.adminToken);
    for (const line of banner(url, seeded, tokenFile)) print(line);
  }
  return {
    url,
    deps,
    ...(seeded ? { seeded } : {}),
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      // Requests whose clients hung up may still be at work: let them finish before the store closes.
      await inflight.drained(DRAIN_TIMEOUT_MS);
      shedder?.close();
      await deps.webhooks.close();
      await deps.lastSeen.close();
      await release();
    },
  };
}

/** The shedding limits: given ones first, then the environment's (a number, 0 for off). */
function overloadOptions(given: OverloadOptions = {}): OverloadOptions {
  const fromEnv = (name: string): number | undefined => {
    const raw = process.env[name];
    const value = raw === undefined || raw === "" ? Number.NaN : Number(raw);
    return Number.isFinite(value) && value >= 0 ? value : undefined;
  };
  const maxInFlight = given.maxInFlight ?? fromEnv("NINSHO_MAX_INFLIGHT");
  const maxEventLoopDelayMs = given.maxEventLoopDelayMs ?? fromEnv("NINSHO_MAX_EVENT_LOOP_DELAY_MS");
  return {
    ...given,
    ...(maxInFlight === undefined ? {} : { maxInFlight }),
    ...(maxEventLoopDelayMs === undefined ? {} : { maxEventLoopDelayMs }),
  };
}
