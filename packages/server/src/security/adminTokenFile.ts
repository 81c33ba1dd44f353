import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ADMIN_TOKEN_FILE } from "./privateFiles.js";

/**
 * Write a first start's admin token to `initial-admin-token` in the data folder, readable by its owner only, so
 * it never lands in a log collected from standard output. Returns the file's path, which the banner prints.
 * @example
 * const path = writeAdminTokenFile("./data", seeded.adminToken); // "./data/initial-admin-token"
 */
export function writeAdminTokenFile(dataDir: string, token: string): string {
  const path = join(dataDir, ADMIN_TOKEN_FILE);
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}
