import type { ClientState } from "@ninsho/sdk";
import type { DeviceLabel, DeviceMessages, DoctorMessages } from "./types.js";

const LABELS: Readonly<Record<DeviceLabel, string>> = {
  state: "State",
  explanation: "Why",
  product: "Product",
  license: "License",
  channel: "Channel",
  entitlements: "Entitlements",
  device: "Device",
  key: "Key (last group)",
  keySource: "Key from",
  leaseIssued: "Lease issued",
  leaseUntil: "Lease until",
  graceUntil: "Grace until",
  licenseExpires: "License expires",
  lastContact: "Last server contact",
  connection: "Connection",
  retryAt: "Next attempt",
  problem: "Problem",
  remedy: "What to do",
  folder: "State folder",
  server: "Server",
  trust: "Trusted keys",
  collector: "Collector",
  environment: "Environment",
  fingerprint: "Fingerprint",
  notRead: "Not read",
  lastDecision: "Last decision",
  clock: "Clock",
};

const STATES: Readonly<Record<ClientState, string>> = {
  active: "active",
  grace: "on grace",
  expired: "expired",
  no_key: "no product key",
  not_activated: "not activated",
  suspended: "suspended",
  revoked: "revoked",
  deactivated: "deactivated",
  mismatch: "another machine's lease",
  forked: "forked (two copies)",
  clock_rollback: "clock set back",
  tampered: "altered files",
  corrupt: "damaged files",
};

const doctor: DoctorMessages = {
  heading: (productId, dir, url) => `Ninsho doctor — product ${productId}, folder ${dir}, server ${url}`,
  title: {
    key: "Product key",
    server: "Server and TLS",
    clock: "Clock",
    lease: "Lease",
    fingerprint: "Fingerprint",
    devices: "Devices and transfers",
  },
  outcome: { ok: "ok", warn: "WARN", fail: "FAIL", fixed: "fixed", skipped: "skipped" },
  whatToDo: "What to do:",
  nothingToDo: "Nothing to do: every check passed.",
  skippedOffline: "not checked (--offline)",
  skippedUnreachable: "not checked: the server cannot be reached",
  skippedNoLease: "not checked: this machine holds no lease",
  skippedNoKey: "not checked: no product key is installed",
  keyOk: (hint, source) => `…${hint}, well formed; ${source}`,
  serverOk: (ms, tls) =>
    `answers in ${ms} ms; ${tls === "https" ? "TLS certificate accepted" : "plain HTTP on this machine (no network crossed)"}`,
  clockOk: (skew, signed) => `${skew} from the server's ${signed ? "signed" : "HTTP (unsigned)"} time`,
  leaseOk: (leaseUntil, graceUntil, left) =>
    `signature verified; lease until ${leaseUntil}, then grace until ${graceUntil} (${left} left)`,
  notActivatedRefused: (code) => `no lease: the last activation was refused (${code}, see below)`,
  repaired: (code) => `${code} found, and repaired from the server just now`,
  fingerprintSame: (since, collector) => `unchanged since ${since} (collector ${collector})`,
  fingerprintViaPrevious: (previous, current) =>
    `recognised through the previous collector's set (${previous}); the server moves to ${current} at the next refresh, with no reactivation`,
  fingerprintSameAsLease: "unchanged since the lease was issued",
  changedKinds: (kinds) => `changed: ${kinds}`,
  score: (score, threshold, same) =>
    `match score ${score} ${same ? "≥" : "<"} threshold ${threshold}: ${same ? "still recognised" : "not recognised"}`,
  devicesOk: (deviceId) => `this machine holds a slot as ${deviceId}`,
  deviceLine: (id, name, platform, lastSeen) => `${id}  ${name} (${platform}), last seen ${lastSeen}`,
  freeASlot: (transferable) =>
    transferable
      ? "On a machine listed above that you no longer use, run `ninsho device deactivate`; or move the license here: `ninsho device transfer <device id>`."
      : "On a machine listed above that you no longer use, run `ninsho device deactivate` (this policy allows no transfers).",
  noDevice: "no slot: this machine is not activated",
};

/**
 * The device commands' sentences in English.
 * @example
 * en.keyInstalled("48HP2"); // "Installed the product key …48HP2. Activate this machine with `ninsho device activate`."
 */
export const en: DeviceMessages = {
  label: (name) => LABELS[name],
  state: (state, valid) => `${STATES[state]} — ${valid ? "the app may run" : "the app may not run"}`,
  never: "never",
  none: "none",
  keyInstalled: (hint) =>
    `Installed the product key …${hint}. Activate this machine with \`ninsho device activate\`.`,
  pinned: (count, url) =>
    `Trusting ${count} public key${count === 1 ? "" : "s"} of ${url} from now on (pinned on first use):`,
  pinnedKey: (kid, digest) => `  ${kid}  SHA-256 ${digest}`,
  activatedNew: (deviceId, licenseId) =>
    `Activated: this machine is device ${deviceId} on license ${licenseId}.`,
  recognized: (deviceId, score) =>
    `Activated: this machine was recognised as device ${deviceId} (${score}); no new slot was taken.`,
  leaseLine: (leaseUntil, graceUntil, left) =>
    `The lease runs until ${leaseUntil}, then grace until ${graceUntil} (${left} without the server).`,
  uninstalled: "Removed the product key and the lease from this machine.",
  slotKept: (deviceId) =>
    `The server still counts ${deviceId} as a device of the license; free its slot from another machine or the customer portal.`,
  deactivated: (deviceId, at) =>
    `Deactivated ${deviceId} at ${at}: its slot on the license is free. The key stays installed.`,
  transferred: (from, to, left) =>
    `Moved the license from ${from} to this machine (${to}); ${left} transfer${left === 1 ? "" : "s"} left in the last 365 days.`,
  expiryActive: (leaseUntil, leaseLeft, graceUntil) =>
    `Activated. The lease runs until ${leaseUntil} (${leaseLeft}), then grace until ${graceUntil}.`,
  expiryGrace: (leaseEnded, graceUntil, left) =>
    `On grace: the lease ended on ${leaseEnded}; the app runs until ${graceUntil} (${left} left).`,
  licenseExpires: (at) =>
    at === undefined ? "The license itself never expires." : `The license expires on ${at}.`,
  trustGiven: "the vendor's keys (--public-key / NINSHO_PUBLIC_KEYS)",
  trustServer: (url, at) => `pinned on first use from ${url} at ${at}`,
  trustNone: "none yet (pinned at the first activation)",
  clockOverridden: (now) => `${now} (NINSHO_DEVICE_NOW, test only)`,
  connection: (state, failures) => (failures > 0 ? `${state} (${failures} failed attempts in a row)` : state),
  doctor,
};
