import { join } from "node:path";
import { STATE_FILES } from "../storage/deviceStore.js";
import { readOptional, removeFile, writeAtomic } from "../storage/files.js";
import { type DeviceKeyStore, exportSecret, importSecret } from "./store.js";

/**
 * The device secret in a file of the state folder, private to the user (0600, in a 0700 folder): where the OS
 * has no key store the SDK can reach (Linux and other systems). Whoever can read the user's files can copy
 * it with the folder: docs/security.md says what that leaves.
 *
 * @example
 * const store = fileKeyStore(join(storageDir, "device.key"));
 */
export function fileKeyStore(path: string): DeviceKeyStore {
  return {
    kind: "file",
    async load(): Promise<Buffer | undefined> {
      const read = await readOptional(path);
      return read.kind === "text" ? importSecret(read.text) : undefined;
    },
    save: (secret) => writeAtomic(path, `${exportSecret(secret)}\n`),
    remove: () => removeFile(path),
  };
}

/**
 * @example
 * deviceKeyPath(storageDir); // "<storageDir>/device.key"
 */
export const deviceKeyPath = (storageDir: string): string => join(storageDir, STATE_FILES.deviceKey);
