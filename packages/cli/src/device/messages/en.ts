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
  NO_TLS: (url) => ({
    message: `${url} is plain HTTP over a network: answers are signed and cannot be forged, but the product key travels unencrypted.`,
    remedy: "Use the server's https:// URL (--url or NINSHO_URL).",
  }),
  KEYS_MISMATCH: (url) => ({
    message: `${url} does not publish the public keys this machine trusts: it is another server, or something impersonates it.`,
    remedy:
      "Check --url / NINSHO_URL. If the vendor announced new keys, pass them with --public-key, or run `ninsho device activate --repin` to trust the server's current keys.",
  }),
  KEYS_ROTATED: (url, vendorKeys) => ({
    message: `${url} now signs with a key this machine does not trust yet: the vendor rotated its signing key (or something impersonates the server). Its answers are ignored until then.`,
    remedy: vendorKeys
      ? "Get the vendor's new public keys (an app update ships them) and pass them with --public-key or NINSHO_PUBLIC_KEYS."
      : "If the vendor announced the rotation, run `ninsho device activate --repin` to trust the server's current keys, or pass the vendor's new keys with --public-key.",
  }),
  clockOk: (skew, signed) => `${skew} from the server's ${signed ? "signed" : "HTTP (unsigned)"} time`,
  CLOCK_SKEW: (skew, ahead, signed) => ({
    message: `The system clock is ${skew} ${ahead ? "ahead of" : "behind"} the server's ${signed ? "signed" : "HTTP (unsigned)"} time.`,
    remedy: ahead
      ? "Turn on automatic time; a clock running ahead makes the lease look older than it is, and setting it back later is refused as a rollback until the app is online again."
      : "Turn on automatic time; a clock running behind keeps a lease looking valid longer here than the server counts it.",
  }),
  leaseOk: (leaseUntil, graceUntil, left) =>
    `signature verified; lease until ${leaseUntil}, then grace until ${graceUntil} (${left} left)`,
  LEASE_GRACE: (leaseEnded, graceUntil, left) => ({
    message: `The lease ended on ${leaseEnded}; the app runs on grace until ${graceUntil} (${left} left).`,
    remedy:
      "Connect to the internet so the lease is refreshed (see the server check above), before the grace ends.",
  }),
  notActivatedRefused: (code) => `no lease: the last activation was refused (${code}, see below)`,
  repaired: (code) => `${code} found, and repaired from the server just now`,
  fingerprintSame: (since, collector) => `unchanged since ${since} (collector ${collector})`,
  fingerprintViaPrevious: (previous, current) =>
    `recognised through the previous collector's set (${previous}); the server moves to ${current} at the next refresh, with no reactivation`,
  fingerprintSameAsLease: "unchanged since the lease was issued",
  changedKinds: (kinds) => `changed: ${kinds}`,
  score: (score, threshold, same) =>
    `match score ${score} ${same ? "≥" : "<"} threshold ${threshold}: ${same ? "still recognised" : "not recognised"}`,
  FINGERPRINT_DRIFT: (changed, total, since) => ({
    message: `${changed} of ${total} components changed since ${since}; the server still recognises this machine.`,
    remedy:
      "Go online soon: the next refresh makes the new parts the baseline. If more parts change first, the server will no longer recognise this machine.",
  }),
  driftUnknown: () => ({
    message:
      "The fingerprint changed since the lease was issued; which components is unknown (no record of the activation).",
    remedy:
      "Go online (`ninsho device status` after the app runs, or `ninsho device doctor`) so the server compares it.",
  }),
  FINGERPRINT_UNREADABLE: (missing) => ({
    message: `No unit-level component could be read (${missing}): another machine of the same model would look the same.`,
    remedy:
      "In a container, set NINSHO_CONTAINER_ID to a stable id (a volume or pod name); elsewhere, run the app as a user who may read the hardware facts named above.",
  }),
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
  problems: {
    NO_PRODUCT: () => ({
      message: "No product was named.",
      remedy: "Pass --product prd_… or set NINSHO_PRODUCT (or --dir to a folder activated before).",
    }),
    BAD_DEVICE_NOW: (value) => ({
      message: `NINSHO_DEVICE_NOW="${value}" is not an instant or an offset.`,
      remedy: "It is for tests only: give an ISO instant, epoch milliseconds, or +8d / -3h; or unset it.",
    }),
    BAD_PUBLIC_KEY: (cause) => ({
      message: `The public keys given cannot be used (${cause}).`,
      remedy:
        "Pass --public-key (or NINSHO_PUBLIC_KEYS) as the vendor's JWKS, a JWK or a PEM Ed25519 public key, inline or as a file.",
    }),
    NO_TRUSTED_KEYS: (dir) => ({
      message: `${dir} holds a lease, but no public key to verify it with is known.`,
      remedy: "Pass the vendor's keys with --public-key (or NINSHO_PUBLIC_KEYS), as the app ships them.",
    }),
    TLS_FAILED: (url, cause) => ({
      message: `The TLS connection to ${url} failed (${cause}).`,
      remedy:
        "Check the machine's date and the server's certificate; a proxy that inspects TLS must be trusted by this machine, or bypassed for the activation server.",
    }),
    BAD_FINGERPRINT_FILE: (path, cause) => ({
      message: `NINSHO_DEVICE_FINGERPRINT=${path} cannot be used (${cause}).`,
      remedy: "It is for tests only: point it at a JSON fingerprint {collector, components}, or unset it.",
    }),
  },
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
