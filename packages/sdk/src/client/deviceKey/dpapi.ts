import { readOptional, removeFile, writeAtomic } from "../storage/files.js";
import { type DeviceKeyStore, exportSecret, importSecret } from "./store.js";
import { runTool, type ToolCommand, type ToolRunner } from "./tool.js";

/** Entropy mixed into the protection: a blob of another program's, protected by the same user, is not ours. */
const ENTROPY = "ninsho-device-key";

const script = (call: "Protect" | "Unprotect") =>
  [
    "$ErrorActionPreference = 'Stop'",
    "Add-Type -AssemblyName System.Security",
    "$data = [Convert]::FromBase64String([Console]::In.ReadToEnd().Trim())",
    `$entropy = [Text.Encoding]::UTF8.GetBytes('${ENTROPY}')`,
    `$out = [Security.Cryptography.ProtectedData]::${call}($data, $entropy, [Security.Cryptography.DataProtectionScope]::CurrentUser)`,
    "[Console]::Out.Write([Convert]::ToBase64String($out))",
  ].join("; ");

/**
 * The PowerShell commands of the Windows store: DPAPI (`ProtectedData`, CurrentUser scope) protects and
 * unprotects the secret, which travels on stdin and stdout, never in the arguments.
 *
 * @example
 * dpapiCommands().protect("MC4CAQAw…").args; // ["-NoProfile", "-NonInteractive", "-Command", "…Protect…"]
 */
export function dpapiCommands() {
  const powershell = (call: "Protect" | "Unprotect", input: string): ToolCommand => ({
    file: "powershell.exe",
    args: ["-NoProfile", "-NonInteractive", "-Command", script(call)],
    input,
  });
  return {
    protect: (secret: string) => powershell("Protect", secret),
    unprotect: (blob: string) => powershell("Unprotect", blob),
  };
}

/**
 * The device secret protected with DPAPI for the current Windows user, the protected blob in a file of the state
 * folder: a copy of the folder on another machine or account cannot unprotect it.
 *
 * @example
 * const store = dpapiKeyStore(join(storageDir, "device.key.dpapi"));
 */
export function dpapiKeyStore(path: string, run: ToolRunner = runTool): DeviceKeyStore {
  const commands = dpapiCommands();
  return {
    kind: "dpapi",
    async load(): Promise<Buffer | undefined> {
      const read = await readOptional(path);
      if (read.kind !== "text") return undefined;
      const opened = await run(commands.unprotect(read.text.trim()));
      return opened.code === 0 ? importSecret(opened.stdout) : undefined;
    },
    async save(secret) {
      const sealed = await run(commands.protect(exportSecret(secret)));
      if (sealed.code !== 0 || sealed.stdout.trim() === "")
        throw new Error(`DPAPI refused the device secret (powershell exit ${sealed.code})`);
      await writeAtomic(path, `${sealed.stdout.trim()}\n`);
    },
    remove: () => removeFile(path),
  };
}
