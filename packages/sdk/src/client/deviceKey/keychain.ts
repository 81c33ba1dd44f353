import { createHash } from "node:crypto";
import { type DeviceKeyStore, exportSecret, importSecret } from "./store.js";
import { runTool, type ToolCommand, type ToolRunner } from "./tool.js";

const SECURITY = "/usr/bin/security";
const SERVICE = "ninsho-device-key";

/**
 * The login key chain item that holds one state folder's device secret: one service for Ninsho, and an account
 * per product and folder (a hash of the folder's path: two installs of one product keep two keys).
 *
 * @example
 * keychainAccount("prd_01…", "/Users/aiko/Library/Application Support/app/license"); // "prd_01…:3f9c…"
 */
export const keychainAccount = (productId: string, storageDir: string): string =>
  `${productId}:${createHash("sha256").update(storageDir).digest("hex").slice(0, 32)}`;

/**
 * The `security` commands of the macOS key chain store. The secret is written through `security -i`, which reads
 * its command on stdin, so the secret never appears in a process's arguments.
 *
 * @example
 * keychainCommands("prd_01…:3f9c…").find; // { file: "/usr/bin/security", args: ["find-generic-password", …, "-w"] }
 */
export function keychainCommands(account: string) {
  const item = ["-a", account, "-s", SERVICE];
  return {
    find: { file: SECURITY, args: ["find-generic-password", ...item, "-w"] } satisfies ToolCommand,
    add: (secret: string): ToolCommand => ({
      file: SECURITY,
      args: ["-i"],
      input: `add-generic-password -U -a "${account}" -s "${SERVICE}" -w "${secret}"\n`,
    }),
    remove: { file: SECURITY, args: ["delete-generic-password", ...item] } satisfies ToolCommand,
  };
}

/**
 * The device secret in the user's login key chain (macOS): kept encrypted by the OS, readable by this user's
 * processes once the key chain is unlocked, and not carried by a copy of the state folder.
 *
 * @example
 * const store = keychainKeyStore(keychainAccount(productId, storageDir));
 */
export function keychainKeyStore(account: string, run: ToolRunner = runTool): DeviceKeyStore {
  const commands = keychainCommands(account);
  return {
    kind: "keychain",
    async load(): Promise<Buffer | undefined> {
      const found = await run(commands.find);
      return found.code === 0 ? importSecret(found.stdout) : undefined;
    },
    async save(secret) {
      const added = await run(commands.add(exportSecret(secret)));
      if (added.code !== 0)
        throw new Error(`the key chain refused the device secret (security exit ${added.code})`);
    },
    async remove() {
      await run(commands.remove);
    },
  };
}
