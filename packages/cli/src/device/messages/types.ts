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
export type CheckId = "key" | "server" | "clock" | "lease" | "fingerprint" | "devices" | "seat" | "relay";

/**
 * How a check came out. `fixed`: it was broken and the doctor's online check repaired it.
 * @example
 * const outcome: Outcome = "warn";
 */
export type Outcome = "ok" | "warn" | "fail" | "fixed" | "skipped";

/**
 * The doctor's own sentences: titles, outcomes and what a passing check found (every code, warnings
 * included, is worded by the catalogue's `describe()` in @ninsho/core).
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
  readonly clockOk: (skew: string, signed: boolean) => string;
  readonly leaseOk: (leaseUntil: string, graceUntil: string, left: string) => string;
  readonly notActivatedRefused: (code: string) => string;
  readonly repaired: (code: string) => string;
  readonly fingerprintSame: (since: string, collector: string) => string;
  readonly fingerprintViaPrevious: (previous: string, current: string) => string;
  readonly fingerprintSameAsLease: string;
  readonly changedKinds: (kinds: string) => string;
  readonly score: (score: number, threshold: number, same: boolean, unitIds?: number) => string;
  readonly devicesOk: (deviceId: string) => string;
  readonly deviceLine: (id: string, name: string, platform: string, lastSeen: string) => string;
  readonly freeASlot: (transferable: boolean) => string;
  readonly noDevice: string;
}

/**
 * The device commands' sentences: labels and what went right (every failure is a catalogue code, worded by
 * `describe()` in @ninsho/core). The words are the ICU messages of `src/i18n`, where a key missing in either
 * language fails to compile.
 * @example
 * const m: DeviceMessages = deviceMessagesFor("ja");
 */
export interface DeviceMessages {
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
  readonly transferAllowance: (left: number, perYear: number, nextAt: string | undefined) => string;
  readonly transferCodeSent: (to: string, expiresAt: string, command: string) => string;
  readonly deviceCodePrompt: (url: string, code: string, expiresAt: string) => string;
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
