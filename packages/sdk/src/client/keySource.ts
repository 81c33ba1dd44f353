import type { Locale } from "@ninsho/core";
import { sdkText } from "../i18n/index.js";
import type { KeySource } from "./types.js";

/**
 * Where a key came from, in words for a status screen or `ninsho device status --verbose`.
 *
 * @example
 * describeKeySource({ kind: "env", name: "ACME_PRODUCT_KEY" }); // "environment variable ACME_PRODUCT_KEY"
 * describeKeySource({ kind: "registry", key: "HKLM\\SOFTWARE\\Acme", value: "ProductKey" }, "ja");
 * // "レジストリ HKLM\SOFTWARE\Acme の値 ProductKey"
 */
export function describeKeySource(source: KeySource, locale: Locale = "en"): string {
  const t = sdkText(locale);
  switch (source.kind) {
    case "installed":
      return t("keySource.installed");
    case "file":
      return t("keySource.file", { path: source.path });
    case "env":
      return t("keySource.env", { name: source.name });
    case "registry":
      return t("keySource.registry", { key: source.key, value: source.value });
  }
}
