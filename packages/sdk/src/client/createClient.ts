import type { NinshoClient } from "./api.js";
import { Client } from "./client.js";
import { type ClientOptions, resolveOptions } from "./options.js";
import { KeySet } from "./publicKeys.js";

/**
 * A license client for one product on this machine. Nothing is read or sent until the first call; a wrong
 * option (an unusable public key, a bad URL) throws here, at once, rather than at a customer's first run.
 *
 * @example
 * import { createClient } from "@ninsho/sdk";
 * import jwks from "./ninsho-jwks.json" with { type: "json" };
 *
 * const license = createClient({
 *   url: "https://activation.example.com",
 *   productId: "prd_01M7Y06QAFRMGX66H6FV39GP2Y",
 *   publicKeys: jwks,
 *   productSalt: FINGERPRINT_SALT, // the product's fingerprintSalt, shipped with the app like the JWKS
 *   storageDir: join(os.homedir(), ".acme-editor", "license"),
 *   preinstalledKey: { env: "ACME_PRODUCT_KEY" },
 * });
 * license.on("state", (s) => updateTitleBar(s.state));
 * const installed = await license.installKey(typedKey); // "group 3 has a typo" before any network call
 * if (installed.ok) await license.activate();
 * const status = await license.validate(); // offline from the signed lease; refreshes in the background
 * if (!status.valid) showDialog(status.message, status.remedy);
 */
export function createClient(options: ClientOptions): NinshoClient {
  return new Client(resolveOptions(options), new KeySet(options.publicKeys, options.productId));
}
