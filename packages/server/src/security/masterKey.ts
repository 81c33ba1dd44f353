import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deriveSecrets, MASTER_KEY_BYTES, unseal } from "@ninsho/core";
import type { Store } from "@ninsho/store";

/** Where the master key came from, for the start-up banner. */
export type MasterKeySource = "environment" | "file" | "created";

/**
 * Load the master key: `NINSHO_MASTER_KEY` (64 hex characters or base64 of 32 bytes) when set, else the
 * file `master.key` in the data folder, created on first start with mode 0600. Several server processes
 * sharing one PostgreSQL must share the master key through the environment.
 */
export function loadMasterKey(
  dataDir: string,
  fromEnv: string | undefined,
): { key: Buffer; source: MasterKeySource } {
  if (fromEnv !== undefined && fromEnv !== "")
    return { key: decodeMasterKey(fromEnv), source: "environment" };
  const path = join(dataDir, "master.key");
  if (existsSync(path)) return { key: decodeMasterKey(readFileSync(path, "utf8").trim()), source: "file" };
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(MASTER_KEY_BYTES);
  writeFileSync(path, `${key.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(path, 0o600);
  return { key, source: "created" };
}

export function decodeMasterKey(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== MASTER_KEY_BYTES) {
    throw new Error(`the master key must be ${MASTER_KEY_BYTES} bytes (64 hex characters or base64)`);
  }
  return key;
}

/**
 * Refuse a master key that does not open the database's sealed signing keys (a lost `master.key` replaced by a
 * new one, a wrong `NINSHO_MASTER_KEY`): serving on it would answer KEY_NOT_FOUND to every customer.
 */
export async function assertMasterKeyOpens(store: Store, masterKey: Buffer): Promise<void> {
  const [sample] = await store.products.listSigningKeys();
  if (sample === undefined) return;
  try {
    unseal(deriveSecrets(masterKey), sample.sealedPrivateKey, sample.kid);
  } catch {
    throw new Error(
      "the master key does not open this database's signing keys: restore the master.key this database was created with, or set NINSHO_MASTER_KEY to it",
    );
  }
}
