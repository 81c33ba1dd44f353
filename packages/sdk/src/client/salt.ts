import type { Locale } from "@ninsho/core";
import { type ClientProblem, explain, seed } from "./problem.js";

/**
 * A `createClient` option that cannot work, with its code from the catalogue (and the words in the client's
 * language): thrown at once, so a vendor meets it at the first run of a build, never a customer later.
 *
 * @example
 * try {
 *   createClient({ url, productId, publicKeys, storageDir });
 * } catch (error) {
 *   if (error instanceof ClientOptionError) console.error(error.problem.code); // "PRODUCT_SALT_MISSING"
 * }
 */
export class ClientOptionError extends TypeError {
  constructor(readonly problem: ClientProblem) {
    super(`${problem.code}: ${problem.message} ${problem.remedy}`);
    this.name = "ClientOptionError";
  }
}

/**
 * The salt of the machine's digests. The SDK's own collectors need the product's secret salt (`productSalt`,
 * shipped with the app): a salt derived from the public product id would let anyone who sees a digest search
 * for the MAC address or serial behind it. A client given its own `fingerprint` reader needs none.
 *
 * @example
 * fingerprintSalt({ productSalt: "3q8Ukm…", fingerprint: undefined }, "en"); // "3q8Ukm…"
 * fingerprintSalt({ productSalt: undefined, fingerprint: undefined }, "en"); // throws PRODUCT_SALT_MISSING
 */
export function fingerprintSalt(
  options: { readonly productSalt?: string | undefined; readonly fingerprint?: unknown },
  locale: Locale,
): string {
  const salt = options.productSalt?.trim() ?? "";
  if (salt !== "" || options.fingerprint !== undefined) return salt;
  throw new ClientOptionError(explain(seed("PRODUCT_SALT_MISSING"), locale));
}
