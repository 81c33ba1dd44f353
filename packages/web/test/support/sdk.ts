/** A vendor's app activating through the SDK against the test's server, as the browser tests need devices. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type PublicKeysInput } from "@ninsho/sdk";
import { expect } from "vitest";
import { machine } from "../../../../testing/machines.js";
import type { WebServer } from "./server.js";

/**
 * Activate machine `name` with `key` through the SDK, as the vendor's app does, then check in with the server
 * `validations` times (online validations with the lease); its answer and device id.
 * @example
 * const { deviceId } = await activateWithSdk(web, productId, key, "studio-pc");
 */
export async function activateWithSdk(
  web: WebServer,
  productId: string,
  key: string,
  name: string,
  validations = 0,
) {
  const storageDir = await mkdtemp(join(tmpdir(), "ninsho-web-sdk-"));
  // The JWKS the vendor ships with the app.
  const publicKeys = (await (await fetch(`${web.url}/.well-known/jwks.json`)).json()) as PublicKeysInput;
  const client = createClient({
    url: web.url,
    productId,
    publicKeys,
    storageDir,
    fingerprint: async () => machine(name),
    device: { name, platform: "linux" },
    locale: "en",
    env: {},
  });
  try {
    expect((await client.installKey(key)).ok).toBe(true);
    const activated = await client.activate();
    for (let i = 0; i < validations; i += 1)
      expect((await client.validate({ online: "force" })).valid).toBe(true);
    return { ok: activated.ok, answer: activated, deviceId: (await client.status()).deviceId };
  } finally {
    await client.close();
    await rm(storageDir, { recursive: true, force: true });
  }
}
