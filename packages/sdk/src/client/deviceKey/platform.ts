import { join } from "node:path";
import { dpapiKeyStore } from "./dpapi.js";
import { deviceKeyPath, fileKeyStore } from "./fileStore.js";
import { keychainAccount, keychainKeyStore } from "./keychain.js";
import type { DeviceKeyStore } from "./store.js";
import type { ToolRunner } from "./tool.js";

/**
 * The device secret store of this OS: DPAPI on Windows, the login key chain on macOS, a 0600 file elsewhere.
 *
 * @example
 * const store = platformKeyStore({ platform: process.platform, storageDir, productId });
 */
export function platformKeyStore(o: {
  readonly platform: string;
  readonly storageDir: string;
  readonly productId: string;
  readonly run?: ToolRunner;
}): DeviceKeyStore {
  if (o.platform === "win32") return dpapiKeyStore(join(o.storageDir, "device.key.dpapi"), o.run);
  if (o.platform === "darwin") return keychainKeyStore(keychainAccount(o.productId, o.storageDir), o.run);
  return fileKeyStore(deviceKeyPath(o.storageDir));
}
