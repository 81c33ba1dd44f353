import type { Locale } from "@ninsho/core";
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
  const ja = locale === "ja";
  switch (source.kind) {
    case "installed":
      return ja ? "入力されたキー（installKey）" : "typed in (installKey)";
    case "file":
      return ja ? `ファイル ${source.path}` : `file ${source.path}`;
    case "env":
      return ja ? `環境変数 ${source.name}` : `environment variable ${source.name}`;
    case "registry":
      return ja
        ? `レジストリ ${source.key} の値 ${source.value}`
        : `registry value ${source.value} of ${source.key}`;
  }
}
