import type { LocalizedText } from "@ninsho/core";
import type { ClientState } from "@ninsho/sdk";

/**
 * Labels of the device commands' human output.
 * @example
 * const name: DeviceLabel = "leaseUntil";
 */
export type DeviceLabel =
  | "state"
  | "explanation"
  | "product"
  | "license"
  | "channel"
  | "entitlements"
  | "device"
  | "key"
  | "keySource"
  | "leaseIssued"
  | "leaseUntil"
  | "graceUntil"
  | "licenseExpires"
  | "lastContact"
  | "connection"
  | "retryAt"
  | "problem"
  | "remedy"
  | "folder"
  | "server"
  | "trust"
  | "collector"
  | "environment"
  | "fingerprint"
  | "notRead"
  | "lastDecision"
  | "clock";

/**
 * The doctor's checks, in the order it runs and prints them.
 * @example
 * const first: CheckId = "key";
 */
export type CheckId = "key" | "server" | "clock" | "lease" | "fingerprint" | "devices";

/**
 * How a check came out. `fixed`: it was broken and the doctor's online check repaired it.
 * @example
 * const outcome: Outcome = "warn";
 */
export type Outcome = "ok" | "warn" | "fail" | "fixed" | "skipped";

/**
 * The doctor's own sentences (the catalogue's codes are worded by `describe()` in @ninsho/core).
 * @example
 * deviceMessagesFor("en").doctor.title.clock; // "Clock"
 */
export interface DoctorMessages {
  readonly heading: (productId: string, dir: string, url: string) => string;
  readonly title: Readonly<Record<CheckId, string>>;
  readonly outcome: Readonly<Record<Outcome, string>>;
  readonly whatToDo: string;
  readonly nothingToDo: string;
  readonly skippedOffline: string;
  readonly skippedUnreachable: string;
  readonly skippedNoLease: string;
  readonly skippedNoKey: string;
  readonly keyOk: (hint: string, source: string) => string;
  readonly serverOk: (ms: number, tls: "https" | "loopback") => string;
  readonly NO_TLS: (url: string) => LocalizedText;
  readonly KEYS_MISMATCH: (url: string) => LocalizedText;
  readonly KEYS_ROTATED: (url: string, vendorKeys: boolean) => LocalizedText;
  readonly clockOk: (skew: string, signed: boolean) => string;
  readonly CLOCK_SKEW: (skew: string, ahead: boolean, signed: boolean) => LocalizedText;
  readonly leaseOk: (leaseUntil: string, graceUntil: string, left: string) => string;
  readonly LEASE_GRACE: (leaseEnded: string, graceUntil: string, left: string) => LocalizedText;
  readonly notActivatedRefused: (code: string) => string;
  readonly repaired: (code: string) => string;
  readonly fingerprintSame: (since: string, collector: string) => string;
  readonly fingerprintViaPrevious: (previous: string, current: string) => string;
  readonly fingerprintSameAsLease: string;
  readonly changedKinds: (kinds: string) => string;
  readonly score: (score: number, threshold: number, same: boolean) => string;
  readonly FINGERPRINT_DRIFT: (changed: number, total: number, since: string) => LocalizedText;
  readonly driftUnknown: () => LocalizedText;
  readonly FINGERPRINT_UNREADABLE: (missing: string) => LocalizedText;
  readonly devicesOk: (deviceId: string) => string;
  readonly deviceLine: (id: string, name: string, platform: string, lastSeen: string) => string;
  readonly freeASlot: (transferable: boolean) => string;
  readonly noDevice: string;
}

/**
 * The device commands' sentences. Both languages implement this interface, so a missing sentence fails to
 * compile.
 * @example
 * const m: DeviceMessages = deviceMessagesFor("ja");
 */
export interface DeviceMessages {
  readonly problems: {
    readonly NO_PRODUCT: () => LocalizedText;
    readonly BAD_DEVICE_NOW: (value: string) => LocalizedText;
    readonly BAD_PUBLIC_KEY: (cause: string) => LocalizedText;
    readonly NO_TRUSTED_KEYS: (dir: string) => LocalizedText;
    readonly TLS_FAILED: (url: string, cause: string) => LocalizedText;
    readonly BAD_FINGERPRINT_FILE: (path: string, cause: string) => LocalizedText;
  };
  readonly label: (name: DeviceLabel) => string;
  readonly state: (state: ClientState, valid: boolean) => string;
  readonly never: string;
  readonly none: string;
  readonly keyInstalled: (hint: string) => string;
  readonly pinned: (count: number, url: string) => string;
  readonly pinnedKey: (kid: string, digest: string) => string;
  readonly activatedNew: (deviceId: string, licenseId: string) => string;
  readonly recognized: (deviceId: string, score: string) => string;
  readonly leaseLine: (leaseUntil: string, graceUntil: string, left: string) => string;
  readonly uninstalled: string;
  readonly slotKept: (deviceId: string) => string;
  readonly deactivated: (deviceId: string, at: string) => string;
  readonly transferred: (from: string, to: string, left: number) => string;
  readonly expiryActive: (leaseUntil: string, leaseLeft: string, graceUntil: string) => string;
  readonly expiryGrace: (leaseEnded: string, graceUntil: string, left: string) => string;
  readonly licenseExpires: (at: string | undefined) => string;
  readonly trustGiven: string;
  readonly trustServer: (url: string, at: string) => string;
  readonly trustNone: string;
  readonly clockOverridden: (now: string) => string;
  readonly connection: (state: string, failures: number) => string;
  readonly doctor: DoctorMessages;
}
