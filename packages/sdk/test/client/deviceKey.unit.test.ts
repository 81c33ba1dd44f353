/**
 * The device secret stores: the 0600 file (run for real), and the macOS key chain and Windows DPAPI stores tested
 * by the commands they build (a recording runner stands in for `security` and PowerShell, which this OS lacks).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dpapiCommands } from "../../src/client/deviceKey/dpapi.js";
import { keychainCommands } from "../../src/client/deviceKey/keychain.js";
import {
  deviceKeyPath,
  dpapiKeyStore,
  fileKeyStore,
  keychainAccount,
  keychainKeyStore,
  platformKeyStore,
  type ToolCommand,
  type ToolRunner,
} from "../../src/index.js";

/** A device secret, and the text the stores keep it as (one base64 line). */
const newKey = () => randomBytes(32);
const pkcs8 = (secret: Buffer) => secret.toString("base64");
const dir = () => mkdtempSync(join(tmpdir(), "ninsho-device-key-"));

/** A runner that records each command and answers from `reply`. */
function recording(reply: (command: ToolCommand) => { code: number; stdout: string }) {
  const commands: ToolCommand[] = [];
  const run: ToolRunner = async (command) => {
    commands.push(command);
    return reply(command);
  };
  return { run, commands };
}

describe("device key: the file store (Linux and other systems)", () => {
  it("keeps the key in a 0600 file in a 0700 folder and reads it back", async () => {
    const folder = join(dir(), "license");
    const store = fileKeyStore(deviceKeyPath(folder));
    expect(await store.load()).toBeUndefined();
    const key = newKey();
    await store.save(key);
    expect(statSync(deviceKeyPath(folder)).mode & 0o777).toBe(0o600);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(pkcs8((await store.load()) ?? newKey())).toBe(pkcs8(key));
    await store.remove();
    expect(await store.load()).toBeUndefined();
  });

  it("a damaged file is no key (the device then registers a new one or is told to reactivate)", async () => {
    const folder = dir();
    const store = fileKeyStore(deviceKeyPath(folder));
    await fileKeyStore(deviceKeyPath(folder)).save(newKey());
    const { writeFileSync } = await import("node:fs");
    writeFileSync(deviceKeyPath(folder), "not a key");
    expect(await store.load()).toBeUndefined();
    // What an older SDK kept there (an Ed25519 PKCS#8 key, 48 bytes) is no secret either: a new one is registered.
    writeFileSync(deviceKeyPath(folder), `${randomBytes(48).toString("base64")}\n`);
    expect(await store.load()).toBeUndefined();
  });

  it("is the store of every OS but Windows and macOS", () => {
    expect(platformKeyStore({ platform: "linux", storageDir: "/x", productId: "prd_1" }).kind).toBe("file");
    expect(platformKeyStore({ platform: "freebsd", storageDir: "/x", productId: "prd_1" }).kind).toBe("file");
    expect(platformKeyStore({ platform: "darwin", storageDir: "/x", productId: "prd_1" }).kind).toBe(
      "keychain",
    );
    expect(platformKeyStore({ platform: "win32", storageDir: "/x", productId: "prd_1" }).kind).toBe("dpapi");
  });
});

describe("device key: the macOS key chain", () => {
  const account = keychainAccount("prd_01TEST", "/Users/aiko/Library/Application Support/app/license");

  it("names one item per product and folder", () => {
    expect(account).toMatch(/^prd_01TEST:[0-9a-f]{32}$/);
    expect(keychainAccount("prd_01TEST", "/another/folder")).not.toBe(account);
  });

  it("writes through `security -i` with the secret on stdin, never in the arguments", async () => {
    const key = newKey();
    const { run, commands } = recording(() => ({ code: 0, stdout: "" }));
    await keychainKeyStore(account, run).save(key);
    const [add] = commands;
    expect(add?.file).toBe("/usr/bin/security");
    expect(add?.args).toEqual(["-i"]);
    expect(add?.args.join(" ")).not.toContain(pkcs8(key));
    expect(add?.input).toBe(
      `add-generic-password -U -a "${account}" -s "ninsho-device-key" -w "${pkcs8(key)}"\n`,
    );
  });

  it("reads with find-generic-password -w, and a missing item (exit 44) is no key", async () => {
    const key = newKey();
    expect(keychainCommands(account).find.args).toEqual([
      "find-generic-password",
      "-a",
      account,
      "-s",
      "ninsho-device-key",
      "-w",
    ]);
    const found = recording(() => ({ code: 0, stdout: `${pkcs8(key)}\n` }));
    expect(pkcs8((await keychainKeyStore(account, found.run).load()) ?? newKey())).toBe(pkcs8(key));
    const missing = recording(() => ({ code: 44, stdout: "" }));
    expect(await keychainKeyStore(account, missing.run).load()).toBeUndefined();
  });

  it("a refused write throws: the activation does not register a key it could not keep", async () => {
    const { run } = recording(() => ({ code: 51, stdout: "" }));
    await expect(keychainKeyStore(account, run).save(newKey())).rejects.toThrow("security exit 51");
  });
});

describe("device key: Windows DPAPI", () => {
  it("protects for the current user through PowerShell, the key on stdin", async () => {
    const key = newKey();
    const path = join(dir(), "device.key.dpapi");
    const { run, commands } = recording((command) => ({
      code: 0,
      stdout: command.args.at(-1)?.includes("::Protect(") ? "UFJPVEVDVEVE" : pkcs8(key),
    }));
    const store = dpapiKeyStore(path, run);
    await store.save(key);
    const [protect] = commands;
    expect(protect?.file).toBe("powershell.exe");
    expect(protect?.args.slice(0, 3)).toEqual(["-NoProfile", "-NonInteractive", "-Command"]);
    expect(protect?.args[3]).toContain("[Security.Cryptography.ProtectedData]::Protect(");
    expect(protect?.args[3]).toContain("DataProtectionScope]::CurrentUser");
    expect(protect?.args.join(" ")).not.toContain(pkcs8(key));
    expect(protect?.input).toBe(pkcs8(key));
    // The file holds the protected blob, never the key.
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(path, "utf8").trim()).toBe("UFJPVEVDVEVE");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const loaded = await store.load();
    expect(commands[1]?.args[3]).toContain("::Unprotect(");
    expect(commands[1]?.input).toBe("UFJPVEVDVEVE");
    expect(pkcs8(loaded ?? newKey())).toBe(pkcs8(key));
  });

  it("a blob DPAPI cannot open (another user or machine) is no key", async () => {
    const path = join(dir(), "device.key.dpapi");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(path, "UFJPVEVDVEVE");
    const { run } = recording(() => ({ code: 1, stdout: "" }));
    expect(await dpapiKeyStore(path, run).load()).toBeUndefined();
    expect(dpapiCommands().unprotect("x").input).toBe("x");
  });
});

// The real OS stores, on the OS that has them (skipped elsewhere: the commands are tested above).
describe.skipIf(process.platform !== "darwin")("device key: the real macOS key chain", () => {
  it("keeps, reads back and removes a key", async () => {
    const store = keychainKeyStore(keychainAccount("prd_TEST", dir()));
    const key = newKey();
    await store.save(key);
    expect(pkcs8((await store.load()) ?? newKey())).toBe(pkcs8(key));
    await store.remove();
    expect(await store.load()).toBeUndefined();
  });
});

describe.skipIf(process.platform !== "win32")("device key: real Windows DPAPI", () => {
  it("protects, reads back and removes a key; the file holds no key", async () => {
    const path = join(dir(), "device.key.dpapi");
    const store = dpapiKeyStore(path);
    const key = newKey();
    await store.save(key);
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(path, "utf8")).not.toContain(pkcs8(key));
    expect(pkcs8((await store.load()) ?? newKey())).toBe(pkcs8(key));
    await store.remove();
    expect(await store.load()).toBeUndefined();
  });
});
