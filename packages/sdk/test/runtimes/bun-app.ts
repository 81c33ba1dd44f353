/**
 * A small app run under Bun by runtimes.test.ts: it installs a key, activates against the server, then checks
 * its lease with the network gone. It prints one JSON line with what it saw.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type PublicKeysInput } from "@ninsho/sdk";

const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const options = {
  url: env("NINSHO_URL"),
  productId: env("NINSHO_PRODUCT"),
  publicKeys: JSON.parse(env("NINSHO_JWKS")) as PublicKeysInput,
  storageDir: mkdtempSync(join(tmpdir(), "ninsho-bun-")),
  // The SDK's own collector reads the machine: it needs the product's salt, as a shipped app has it.
  productSalt: "bun-test-product-salt",
  autoActivate: false,
};
const client = createClient(options);
const installed = await client.installKey(env("NINSHO_KEY"));
const activated = await client.activate();
await client.close();
const offline = createClient({ ...options, fetch: () => Promise.reject(new Error("offline")) });
const status = await offline.validate({ online: "never" });
await offline.close();
console.log(
  JSON.stringify({
    runtime: "Bun" in globalThis ? "bun" : "node",
    installed: installed.ok,
    activated: activated.ok,
    ...(activated.ok ? {} : { problem: activated.problem.code, details: activated.problem.details }),
    state: status.state,
    valid: status.valid,
  }),
);
