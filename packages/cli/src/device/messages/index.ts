import type { Locale } from "@ninsho/core";
import { en } from "./en.js";
import { ja } from "./ja.js";
import type { DeviceMessages } from "./types.js";

export type { CheckId, DeviceLabel, DeviceMessages, DoctorMessages, Outcome } from "./types.js";

/**
 * The device commands' sentences in a locale.
 * @example
 * deviceMessagesFor("ja").label("leaseUntil"); // "リース期限"
 */
export function deviceMessagesFor(locale: Locale): DeviceMessages {
  return locale === "ja" ? ja : en;
}
