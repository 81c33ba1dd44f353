import { appendFileSync, writeFileSync } from "node:fs";
import {
  type Device,
  deviceSecretText,
  fingerprintDigest,
  issueNextLease,
  keyComponents,
  newDeviceSecret,
  newId,
} from "@ninsho/core";
import { createStore } from "@ninsho/store";
import { pino } from "pino";
import { buildDeps } from "../../packages/server/dist/index.js";
import { seedIfEmpty } from "../../packages/server/dist/seed.js";
import { createPolicy, createProduct } from "../../packages/server/dist/services/admin/catalog.js";
import { issueLicenses } from "../../packages/server/dist/services/admin/issueKeys.js";
import { sealDeviceSecret } from "../../packages/server/dist/services/deviceSecrets.js";
import { randomFingerprint } from "../http/fixtures.js";

/** What a data set holds; two seeds with equal parameters are interchangeable. */
export interface SeedParams {
  /** Licenses, each with one activated device reporting 7 components. */
  readonly licenses: number;
  /** Keys of a volume policy with no device yet: new activations land on them. */
  readonly volumeKeys: number;
}

/**
 * One activated license as a client holds it: its key, its device's lease, the fingerprint it reports and the
 * device key it signs its requests with (device proof).
 */
export interface Holder {
  readonly key: string;
  readonly lease: string;
  /** The fingerprint as JSON text (sent as it is). */
  readonly fingerprint: string;
  /** The device's secret, base64url (the server keeps it sealed). */
  readonly deviceSecret: string;
}

export interface SeedOutcome {
  readonly adminToken: string;
}

const silent = pino({ level: "silent" });

/**
 * Seed a store directly (no HTTP): the first start's admin token, a product with a retail policy, `licenses`
 * keys issued by the server's own bulk issue (digest, sealed key, short id, events) and one device each,
 * inserted through the store's repositories in one transaction per batch, its lease signed by the product's
 * key as an activation would, with a device key registered as the SDK's activation registers one; then the
 * volume keys. Holders go to `holdersFile` (one tab-separated line each: key, lease, fingerprint JSON, device
 * private key) and the volume keys to `volumeFile`, so nothing is held in memory.
 */
export async function seedStore(
  url: string,
  masterKey: Buffer,
  params: SeedParams,
  files: { readonly holders: string; readonly volume: string },
  log: (line: string) => void,
): Promise<SeedOutcome> {
  const store = createStore({ url });
  await store.migrate();
  const deps = buildDeps({ store, masterKey, logger: silent });
  try {
    const seeded = await seedIfEmpty(deps);
    if (!seeded) throw new Error(`${url} was not empty`);
    const created = await createProduct(deps, { name: "bench" });
    if (!created.ok) throw new Error(`creating the bench product failed: ${created.error.code}`);
    const product = created.value;
    const policy = await createPolicy(deps, {
      productId: product.id,
      name: "bench retail (3 devices)",
      channel: "retail",
      maxDevices: 3,
    });
    const volume = await createPolicy(deps, {
      productId: product.id,
      name: "bench volume",
      channel: "volume",
      maxDevices: 1_000_000,
    });
    if (!policy.ok || !volume.ok) throw new Error("bench policies could not be made");
    const signingKey = await deps.keyring.signingKeyFor(product.id);
    if (!signingKey) throw new Error("bench product has no signing key");
    writeFileSync(files.holders, "");
    writeFileSync(files.volume, "");
    let done = 0;
    for await (const batch of issueLicenses(deps, {
      policy: policy.value,
      count: params.licenses,
      actor: "bench:seed",
    })) {
      const at = deps.clock().toISOString();
      const devices = batch.map(({ license }) => {
        const fingerprint = randomFingerprint();
        const deviceSecret = deviceSecretText(newDeviceSecret());
        const id = newId("device");
        const activated: Device = {
          id,
          licenseId: license.id,
          name: "bench",
          platform: "linux",
          collector: fingerprint.collector,
          // Stored as an activation stores them: keyed under the master key; the lease binds what was sent.
          components: keyComponents(deps.secrets.componentDigests, fingerprint.components),
          fingerprintDigest: fingerprintDigest(fingerprint.components),
          leaseIssuedAt: at,
          lastSeenAt: at,
          leaseCounters: issueNextLease({ issued: 0, issuedFrom: 0 }),
          activatedAt: at,
          // Sealed as an activation seals it: the database never holds a device secret in clear.
          deviceSecret: sealDeviceSecret(deps.secrets, deviceSecret, id),
        };
        // The lease as an activation issues it, its digest in the row as an activation keeps it (leaseRecord.ts).
        const { lease, digest } = deps.leases.issue(signingKey, license, policy.value, activated);
        const device: Device = { ...activated, leaseDigest: digest };
        return { license, device, fingerprint, deviceSecret, lease: lease.token };
      });
      await store.transaction(async (tx) => {
        for (const { device } of devices) await tx.devices.insert(device);
      });
      const lines = devices.map(({ lease, fingerprint, deviceSecret }, i) => {
        return `${batch[i]?.key ?? ""}\t${lease}\t${JSON.stringify(fingerprint)}\t${deviceSecret}\n`;
      });
      appendFileSync(files.holders, lines.join(""));
      done += batch.length;
      if (done % 20_000 < batch.length || done === params.licenses)
        log(`seed: ${done.toLocaleString("en")} of ${params.licenses.toLocaleString("en")} licenses`);
    }
    for await (const batch of issueLicenses(deps, {
      policy: volume.value,
      count: params.volumeKeys,
      actor: "bench:seed",
    })) {
      appendFileSync(files.volume, batch.map(({ key }) => `${key}\n`).join(""));
    }
    return { adminToken: seeded.adminToken };
  } finally {
    await deps.lastSeen.close();
    await store.close();
  }
}
