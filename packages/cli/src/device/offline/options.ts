import { readFile } from "node:fs/promises";
import { describe, type ErrorCode, isRecord, type Locale, type ProblemParams } from "@ninsho/core";
import type { OfflineKey } from "@ninsho/sdk";
import { DeviceExitCode, type DeviceExitCodeValue } from "../exit.js";
import { DeviceFailure } from "../failure.js";

/**
 * The variable holding the product's offline key as the vendor ships it: the JSON of
 * `GET /v1/products/{id}/offline-key`, inline or the path of a file.
 * @example
 * NINSHO_OFFLINE_KEY=./acme-offline-key.json ninsho device installation-id
 */
export const OFFLINE_KEY_ENV = "NINSHO_OFFLINE_KEY";

/**
 * A failure worded by the catalogue, with its exit code.
 * @example
 * throw catalogueFailure(DeviceExitCode.usage, "LICENSE_FILE_INVALID", "en", { reason });
 */
export const catalogueFailure = (
  exitCode: DeviceExitCodeValue,
  code: ErrorCode,
  locale: Locale,
  params: ProblemParams = {},
): DeviceFailure => new DeviceFailure(exitCode, { code, ...describe(code, locale, params) });

/**
 * The product's offline key from `--offline-key` or NINSHO_OFFLINE_KEY (inline JSON, or a file holding it),
 * for a machine that never reaches the server; `undefined` when neither is given (the SDK then fetches the
 * key from the server once and pins it). A value that is not such a key is BAD_PUBLIC_KEY (exit 2).
 * @example
 * const offline = await readOfflineKey(options.offlineKey, io.env, "en");
 */
export async function readOfflineKey(
  value: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  locale: Locale,
): Promise<OfflineKey | undefined> {
  const given = (value ?? env[OFFLINE_KEY_ENV])?.trim();
  if (given === undefined || given === "") return undefined;
  const bad = (cause: string) =>
    catalogueFailure(DeviceExitCode.usage, "BAD_PUBLIC_KEY", locale, { cause: `offline key: ${cause}` });
  let json: unknown;
  try {
    json = JSON.parse(given.startsWith("{") ? given : await readFile(given, "utf8"));
  } catch (error) {
    throw bad(error instanceof Error ? error.message : String(error));
  }
  if (!isRecord(json) || typeof json.productNumber !== "number" || typeof json.publicKey !== "string")
    throw bad("not {productNumber, publicKey}");
  return { productNumber: json.productNumber, publicKey: json.publicKey };
}
