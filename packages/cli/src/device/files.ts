import { readFile, rm } from "node:fs/promises";
import { writeAtomic } from "@ninsho/sdk";

/**
 * The CLI's own files in a device's state folder, beside the SDK's (`state.json`, `lease.jwt`,
 * `install.secret`). Each holds digests, ids and public keys only: nothing secret.
 * @example
 * join(dir, CLI_FILES.trust); // "<dir>/trusted-keys.json"
 */
export const CLI_FILES = {
  /** The product and server this folder belongs to, so later commands need no --product or --url. */
  settings: "cli.json",
  /** The public keys that verify leases and answers: pinned on first use, or given by the vendor. */
  trust: "trusted-keys.json",
} as const;

/**
 * What reading a JSON file gave: its value, nothing (no file), or why it is unusable.
 * @example
 * const read: JsonRead = await readJson(join(dir, CLI_FILES.trust));
 */
export type JsonRead =
  | { readonly kind: "value"; readonly value: unknown }
  | { readonly kind: "missing" }
  | { readonly kind: "unusable"; readonly reason: string };

/**
 * Read a JSON file without throwing.
 * @example
 * const read = await readJson("/var/lib/acme/license/cli.json");
 * if (read.kind === "value") console.log(read.value);
 */
export async function readJson(path: string): Promise<JsonRead> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "read failed";
    return code === "ENOENT" ? { kind: "missing" } : { kind: "unusable", reason: code };
  }
  try {
    return { kind: "value", value: JSON.parse(text) };
  } catch {
    return { kind: "unusable", reason: "not JSON" };
  }
}

/**
 * Write a JSON file atomically (temp file, fsync, rename), private to the user (0600), its folder 0700.
 * @example
 * await writeJson(join(dir, CLI_FILES.settings), { format: "ninsho-device-cli/1", productId });
 */
export async function writeJson(path: string, value: unknown): Promise<void> {
  await writeAtomic(path, `${JSON.stringify(value, null, 1)}\n`);
}

/**
 * Remove a file; a missing one is already removed.
 * @example
 * await removeFile(join(dir, CLI_FILES.trust));
 */
export const removeFile = (path: string): Promise<void> => rm(path, { force: true });
