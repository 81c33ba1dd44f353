/**
 * The example desktop app, run by hand against a local server:
 *
 *   npx ninsho serve --data ./data            # prints the demo product id and key
 *   NINSHO_URL=http://127.0.0.1:8080 NINSHO_PRODUCT=prd_… NINSHO_SALT=… npx tsx examples/desktop-app/main.ts KEY
 *
 * NINSHO_SALT is the product's fingerprint salt: `fingerprintSalt` of GET /v1/admin/products/{id} (admin role).
 *
 * It installs the key, activates, validates offline from the signed lease and prints the time left. Run it
 * again with the server stopped: it still runs, from the lease.
 */
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import type { PublicKeysInput } from "@ninsho/sdk";
import { openLicense, startApp } from "./license.js";

const url = process.env.NINSHO_URL ?? "http://127.0.0.1:8080";
const productId = process.env.NINSHO_PRODUCT ?? "";
/** A real app ships the salt in its build, like the JWKS: it is what keeps the machine's digests private. */
const productSalt = process.env.NINSHO_SALT ?? "";
const storageDir =
  process.env.EXAMPLE_LICENSE_DIR ?? join(homedir(), ".ninsho-example-desktop-app", productId);

/** A real app ships the JWKS in its package; the example reads it from EXAMPLE_JWKS, or fetches it once. */
async function publicKeys(): Promise<PublicKeysInput> {
  const file = process.env.EXAMPLE_JWKS;
  const text = file
    ? await readFile(file, "utf8")
    : await (await fetch(`${url}/.well-known/jwks.json`)).text();
  return JSON.parse(text) as PublicKeysInput;
}

if (productId === "") {
  console.error("Set NINSHO_PRODUCT to the product id (the first `ninsho serve` prints the demo's).");
  process.exit(2);
}
if (productSalt === "") {
  console.error(
    "Set NINSHO_SALT to the product's fingerprintSalt (GET /v1/admin/products/{id}, admin role).",
  );
  process.exit(2);
}
const log = (line: string) => console.log(line);
const license = openLicense({ url, productId, productSalt, publicKeys: await publicKeys(), storageDir, log });
const status = await startApp(license, process.argv[2], log);
await license.close();
process.exitCode = status.valid ? 0 : 1;
