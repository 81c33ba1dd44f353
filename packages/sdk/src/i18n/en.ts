/**
 * The SDK's own sentences in English, as ICU messages: the status explanations, where a key came from, and
 * durations. Problems are worded by the catalogue in @ninsho/core, not here.
 */
export const en = {
  "keySource.installed": "typed in (installKey)",
  "keySource.file": "file {path}",
  "keySource.env": "environment variable {name}",
  "keySource.registry": "registry value {value} of {key}",
  "duration.day": "{n, plural, one {# day} other {# days}}",
  "duration.hour": "{n, plural, one {# hour} other {# hours}}",
  "duration.minute": "{n, plural, one {# minute} other {# minutes}}",
  "duration.second": "{n, plural, one {# second} other {# seconds}}",
  "lease.active":
    "The lease's signature verified; it runs until {leaseUntil}, then grace until {graceUntil} ({left} left).",
  "lease.grace": "The lease expired on {leaseUntil}; the app runs on grace until {graceUntil} ({left} left).",
  "verdict.signed": "The server's signed verdict ({at}): {message}",
  "phone.noEnd": "The phone confirmation verified with the product's offline key; it has no end.",
  "phone.active":
    "The phone confirmation verified with the product's offline key; it runs until {leaseUntil}, then grace until {graceUntil} ({left} left).",
  "phone.grace":
    "The phone confirmation's lease ended on {leaseUntil}; the app runs on grace until {graceUntil} ({left} left).",
} as const;

/** A key of the SDK's messages. */
export type SdkMessageKey = keyof typeof en;
