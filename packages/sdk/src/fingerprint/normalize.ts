import type { ComponentKind } from "./types.js";

/**
 * Values firmware vendors leave in SMBIOS fields they never filled, compared after normalising. A value
 * found here identifies nothing (thousands of boards share it), so it counts as absent.
 */
const PLACEHOLDERS = new Set([
  "TO BE FILLED BY O.E.M.",
  "TO BE FILLED BY OEM",
  "DEFAULT STRING",
  "SYSTEM SERIAL NUMBER",
  "SYSTEM PRODUCT NAME",
  "BASE BOARD SERIAL NUMBER",
  "CHASSIS SERIAL NUMBER",
  "SERIAL NUMBER",
  "NONE",
  "NULL",
  "N/A",
  "NA",
  "NOT APPLICABLE",
  "NOT SPECIFIED",
  "NOT AVAILABLE",
  "UNKNOWN",
  "INVALID",
  // What systemd images ship in /etc/machine-id until first boot gives them an id.
  "UNINITIALIZED",
  "OEM",
  "O.E.M.",
  "123456789",
  "1234567890",
  // A UUID that many cheap boards ship with: the SMBIOS field filled with its own byte offsets.
  "03000200-0400-0500-0006-000700080009",
]);

/**
 * Whether a normalised value is a placeholder: a known filler, blank, all zeros ("0000000", the all-zero
 * UUID or MAC) or all Fs ("FFFFFFFF-FFFF-…", the broadcast MAC).
 *
 * @example
 * isPlaceholder("TO BE FILLED BY O.E.M."); // true
 * isPlaceholder("00000000-0000-0000-0000-000000000000"); // true
 * isPlaceholder("S4EWNX0R123456"); // false
 */
export function isPlaceholder(normalized: string): boolean {
  if (PLACEHOLDERS.has(normalized)) return true;
  const alphanumeric = normalized.replace(/[^0-9A-Z]/g, "");
  return alphanumeric === "" || /^0+$/.test(alphanumeric) || /^F{6,}$/.test(alphanumeric);
}

/** A MAC in one spelling whatever the OS printed: `aa:bb:…` (Linux), `AA-BB-…`, `AABB.CCDD.EEFF`. */
const normalizeMac = (value: string): string | undefined => {
  const hex = value.replace(/[^0-9A-F]/g, "");
  if (hex.length !== 12) return undefined;
  return (hex.match(/../g) ?? []).join(":");
};

/**
 * Bring a raw value to the one spelling every run and every OS produces: NFKC, trimmed, inner whitespace
 * collapsed, upper case (serials are case-insensitive and firmware tools disagree on case), MACs with
 * colons. Returns `undefined` for a placeholder, which then counts as absent.
 *
 * @example
 * normalizeValue("board", "  s4ewnx0r123456 \n"); // "S4EWNX0R123456"
 * normalizeValue("mac", "a4-83-e7-1b-2c-3d"); // "A4:83:E7:1B:2C:3D"
 * normalizeValue("board", "Default string"); // undefined
 */
export function normalizeValue(kind: ComponentKind, raw: string): string | undefined {
  const folded = raw.normalize("NFKC").trim().replace(/\s+/g, " ").toUpperCase();
  const value = kind === "mac" ? normalizeMac(folded) : folded;
  if (value === undefined || isPlaceholder(value)) return undefined;
  return value;
}
