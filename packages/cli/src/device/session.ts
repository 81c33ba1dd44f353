import { access } from "node:fs/promises";
import { join } from "node:path";
import { createClient, type NinshoClient, type OfflineKey, STATE_FILES } from "@ninsho/sdk";
import type { DeviceContext } from "./context.js";
import { DeviceExitCode } from "./exit.js";
import { DeviceFailure } from "./failure.js";
import { CLI_FILES, writeJson } from "./files.js";
import { type Machine, machineReader } from "./machine.js";
import { resolveTrust } from "./pin.js";
import { sdkKeys, type Trust } from "./trust.js";

/**
 * An SDK client on the device's state folder, with what the CLI adds around it: the trust it verifies with,
 * and this machine's fingerprint. (The signed server time and the fingerprint the server last accepted are
 * the SDK's: `lastServerTime` and `acceptedFingerprint` of its status.)
 * @example
 * const session = await openSession(ctx, { pin: false });
 * const status = await session.client.status();
 * await session.close();
 */
export interface DeviceSession {
  readonly client: NinshoClient;
  readonly trust?: Trust;
  readonly pinnedNow: boolean;
  readonly readMachine: () => Promise<Machine>;
  /** Wait for the SDK's writes, remember the product and server if a lease was taken, and stop the client. */
  close(): Promise<void>;
}

/**
 * What opening a session may do: pin the server's keys when none are trusted yet (activation and transfer),
 * replace a pin (`--repin`), and whether the SDK may activate on its own (never, in the CLI: `activate` does).
 * @example
 * await openSession(ctx, { pin: true, repin: options.repin === true });
 */
export interface SessionMode {
  readonly pin: boolean;
  readonly repin?: boolean;
  /** The product's offline key, when given (`--offline-key`): the SDK then never fetches it. */
  readonly offline?: OfflineKey;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * @example
 * const session = await openSession(ctx, { pin: true });
 * const result = await session.client.activate();
 */
export async function openSession(ctx: DeviceContext, mode: SessionMode): Promise<DeviceSession> {
  const { config, locale } = ctx;
  const { trust, pinnedNow } = await resolveTrust(config, mode, locale);
  if (!trust && (await exists(join(config.dir, STATE_FILES.lease)))) {
    throw DeviceFailure.of(DeviceExitCode.usage, "NO_TRUSTED_KEYS", locale, { dir: config.dir });
  }
  const readMachine = machineReader(config, locale);
  let client: NinshoClient;
  try {
    client = createClient({
      url: config.url,
      productId: config.productId,
      // No keys trusted yet (a fresh folder): the SDK installs and shows a key without them.
      ...(trust ? { publicKeys: sdkKeys(trust) } : {}),
      storageDir: config.dir,
      fingerprint: async () => (await readMachine()).fingerprint,
      now: config.now,
      locale,
      preinstalledKey: config.preinstalled,
      env: config.env,
      autoActivate: false,
      ...(mode.offline ? { offline: mode.offline } : {}),
    });
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw DeviceFailure.of(DeviceExitCode.usage, "BAD_PUBLIC_KEY", locale, { cause });
  }
  let leaseTaken = false;
  client.on("lease", () => {
    leaseTaken = true;
  });
  return {
    client,
    ...(trust ? { trust } : {}),
    pinnedNow,
    readMachine,
    async close() {
      await client.close();
      if (!leaseTaken) return;
      await writeJson(join(config.dir, CLI_FILES.settings), {
        format: "ninsho-device-cli/1",
        productId: config.productId,
        url: config.url,
        // The vendor's salt, as shipped with every copy of the app (not a secret of this machine): later
        // commands on this folder salt the same way without being given it again.
        ...(config.productSalt === undefined ? {} : { productSalt: config.productSalt }),
      });
    },
  };
}
