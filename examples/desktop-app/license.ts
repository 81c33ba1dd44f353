import {
  type ClientStatus,
  createClient,
  formatDuration,
  type NinshoClient,
  type PublicKeysInput,
} from "@ninsho/sdk";

/**
 * How the example app is wired to its vendor's activation server. A real app ships `publicKeys` (the
 * server's `/.well-known/jwks.json`, saved at build time) and keeps `storageDir` in the user's app data.
 *
 * @example
 * const setup: LicenseSetup = { url, productId, publicKeys: jwks, storageDir: join(appData, "license"), log: console.log };
 */
export interface LicenseSetup {
  readonly url: string;
  readonly productId: string;
  readonly publicKeys: PublicKeysInput;
  readonly storageDir: string;
  /** Where the app writes what happens (its log, or a status bar). */
  readonly log: (line: string) => void;
  /** Tests move the clock; an app leaves it out. */
  readonly now?: () => number;
  /**
   * The product's fingerprint salt (`fingerprintSalt` of the admin API's product), shipped with the app like
   * the JWKS; the SDK's collector needs it. Tests that pass `fingerprint` leave it out.
   */
  readonly productSalt?: string;
  /** Tests pass a fixed machine; an app leaves it out (the SDK reads this machine's hardware). */
  readonly fingerprint?: Parameters<typeof createClient>[0]["fingerprint"];
}

/**
 * The line a desktop app shows in its title bar or status bar: licensed with the time left offline, on grace
 * (connect soon), or why it may not run and what to do.
 *
 * @example
 * banner(await license.validate()); // "Licensed (retail) — runs 20 days 23 hours without the server"
 */
export function banner(status: ClientStatus): string {
  const left = formatDuration(status.timeLeftMs ?? 0, "en");
  if (status.state === "active")
    return `Licensed (${status.channel ?? "?"}) — runs ${left} without the server`;
  if (status.state === "grace") return `Offline too long — connect within ${left} to keep working`;
  return `Not licensed: ${status.message ?? status.state} ${status.remedy ?? ""}`.trim();
}

/**
 * Open the app's license: a client whose state changes, new leases and refresh attempts are logged as they
 * happen (a real app would update its UI there).
 *
 * @example
 * const license = openLicense(setup);
 * const status = await license.validate(); // offline from the signed lease; refreshes in the background
 */
export function openLicense(setup: LicenseSetup): NinshoClient {
  const license = createClient({
    url: setup.url,
    productId: setup.productId,
    publicKeys: setup.publicKeys,
    storageDir: setup.storageDir,
    locale: "en",
    ...(setup.now ? { now: setup.now } : {}),
    ...(setup.productSalt ? { productSalt: setup.productSalt } : {}),
    ...(setup.fingerprint ? { fingerprint: setup.fingerprint } : {}),
  });
  license.on("state", (status, previous) =>
    setup.log(`state: ${previous ?? "start"} → ${status.state}${status.code ? ` (${status.code})` : ""}`),
  );
  license.on("lease", (lease) =>
    setup.log(`lease: until ${lease.leaseExpiresAt}, grace until ${lease.graceEndsAt}`),
  );
  license.on("refresh", (outcome) =>
    setup.log(
      outcome.ok ? "refresh: ok" : `refresh: failed (${outcome.problem.code}), retry at ${outcome.retryAt}`,
    ),
  );
  return license;
}

/**
 * The app's start: install the key the user typed (a typo is named before any network call), activate if
 * this machine is not yet, then validate — offline from the signed lease when there is one.
 *
 * @example
 * const status = await startApp(openLicense(setup), typedKey, setup.log);
 * if (!status.valid) showActivationDialog(status);
 */
export async function startApp(
  license: NinshoClient,
  typedKey: string | undefined,
  log: (line: string) => void,
): Promise<ClientStatus> {
  const first = await license.status();
  if (first.state === "no_key" && typedKey !== undefined) {
    const installed = await license.installKey(typedKey);
    if (!installed.ok) {
      log(`key refused: ${installed.problem.message}`);
      return installed.status;
    }
  }
  if ((await license.status()).state === "not_activated") {
    const activated = await license.activate();
    log(activated.ok ? "activated" : `activation refused: ${activated.problem.code}`);
  }
  const status = await license.validate();
  log(banner(status));
  return status;
}
