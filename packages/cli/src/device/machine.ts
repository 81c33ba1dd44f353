import { readFile } from "node:fs/promises";
import { type ComponentSet, type Fingerprint, isRecord, type Locale, reason } from "@ninsho/core";
import { collectFingerprint, type Environment, type UnreadableKind } from "@ninsho/sdk";
import type { DeviceConfig } from "./config.js";
import { DeviceExitCode } from "./exit.js";
import { DeviceFailure } from "./failure.js";

/**
 * This machine as the CLI reports it: the fingerprint (salted digests only), where it runs, what could not be
 * read, and whether it was read from the machine or from the test-only NINSHO_DEVICE_FINGERPRINT file.
 * @example
 * const machine: Machine = await readMachine();
 * console.log(machine.fingerprint.collector, machine.environment.kind); // "linux/2" "physical"
 */
export interface Machine {
  readonly fingerprint: Fingerprint;
  readonly environment: Environment;
  readonly unreadable: readonly UnreadableKind[];
  readonly source: "collector" | "override";
}

const isComponentSet = (value: unknown): value is ComponentSet =>
  isRecord(value) &&
  typeof value.collector === "string" &&
  Array.isArray(value.components) &&
  value.components.every((c) => isRecord(c) && typeof c.kind === "string" && typeof c.digest === "string");

const isFingerprint = (value: unknown): value is Fingerprint => {
  if (!isComponentSet(value) || !isRecord(value)) return false;
  const previous = value.previous;
  return previous === undefined || (Array.isArray(previous) && previous.every(isComponentSet));
};

const isEnvironment = (value: unknown): value is Environment =>
  isRecord(value) &&
  (value.kind === "physical" || value.kind === "vm" || value.kind === "container") &&
  typeof value.hint === "string";

const NO_SET = reason("FINGERPRINT_FILE_NO_SET");

async function readOverride(path: string, locale: Locale): Promise<Machine> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw DeviceFailure.of(DeviceExitCode.usage, "BAD_FINGERPRINT_FILE", locale, { path, cause });
  }
  const fingerprint = isRecord(value) && "fingerprint" in value ? value.fingerprint : value;
  if (!isFingerprint(fingerprint)) {
    throw DeviceFailure.of(DeviceExitCode.usage, "BAD_FINGERPRINT_FILE", locale, { path, cause: NO_SET });
  }
  const environment = isRecord(value) && isEnvironment(value.environment) ? value.environment : undefined;
  return {
    fingerprint,
    environment: environment ?? { kind: "physical", hint: "test fingerprint file" },
    unreadable: [],
    source: "override",
  };
}

/**
 * A reader of this machine, read at most once per command (a collector may start PowerShell on Windows).
 * The digests are salted with the product's fingerprint salt the vendor ships (`--salt`, NINSHO_SALT or the
 * folder's), as the SDK's `productSalt`: never with the public product id, from which anyone holding a digest
 * could try candidate hardware ids. Without a salt it throws NO_PRODUCT_SALT (exit 2) before anything is read.
 * @example
 * const readMachine = machineReader(config, "en");
 * const { fingerprint } = await readMachine();
 */
export function machineReader(config: DeviceConfig, locale: Locale): () => Promise<Machine> {
  const file = config.fingerprintFile;
  const salt = config.productSalt;
  if (file === undefined && salt === undefined) {
    throw DeviceFailure.of(DeviceExitCode.usage, "NO_PRODUCT_SALT", locale);
  }
  let pending: Promise<Machine> | undefined;
  return () => {
    pending ??=
      file === undefined
        ? collectFingerprint({ productSalt: salt ?? "" }).then((result) => ({
            ...result,
            source: "collector" as const,
          }))
        : readOverride(file, locale);
    return pending;
  };
}
