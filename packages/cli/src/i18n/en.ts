/**
 * The `ninsho` command's own sentences in English, as ICU messages: labels, summaries and what went right, for
 * the admin, device and offline commands. Problems (the API's and the command's own codes) are worded by the
 * catalogue in @ninsho/core, not here. Keys are grouped by prefix: `admin.`, `label.` (admin tables),
 * `device.`, `deviceLabel.`, `state.`, `doctor.`, `offline.`.
 */
export const en = {
  "admin.error": "Error",
  "admin.remedy": "What to do",
  "admin.docs": "Docs",
  "admin.created": "Created {kind, select, product {product} other {policy}} {id}.",
  "admin.licenseNow": "License {id} is now {state}.",
  "admin.deviceDeactivated": "Device {id} is deactivated; its slot is free.",
  "admin.tokenShownOnce": "This token is shown once, now: only its digest is stored. Keep it somewhere safe.",
  "admin.tokenRevoked": "Token {id} is revoked.",
  "admin.supportRequestResolved":
    "Support request {id} (license {licenseId}) is closed; the reason is in the audit log.",
  "admin.whoami": "Token {tokenId}, role {role}.",
  "admin.keysProgress": "keys: {done} / {total} ({percent}%)",
  "admin.keysDone": "Generated {count} keys in {seconds} s → {out}",
  "admin.morePages": "More: add --after {after}",
  "admin.keyRotated":
    "New signing key {kid}, in the JWKS now, signs from {from}{retiredCount, plural, =0 {} one {; {retired} signs nothing from then on and still verifies} other {; {retired} sign nothing from then on and still verify}}.",

  "label.id": "ID",
  "label.name": "Name",
  "label.created": "Created",
  "label.phoneFeatures": "Phone features",
  "label.product": "Product",
  "label.policy": "Policy",
  "label.channel": "Channel",
  "label.maxDevices": "Max devices",
  "label.lease": "Lease",
  "label.grace": "Grace",
  "label.expiry": "Expiry",
  "label.threshold": "Match threshold",
  "label.weights": "Component weights",
  "label.transferable": "Transferable",
  "label.transfersPerYear": "Transfers per year",
  "label.transferCooldown": "Transfer cool-down",
  "label.license": "License",
  "label.status": "Status",
  "label.refusal": "Refusal",
  "label.open": "open",
  "label.closed": "closed",
  "label.entitlements": "Entitlements",
  "label.seats": "Seats",
  "label.heartbeatTimeout": "Heartbeat timeout",
  "label.overage": "Overage",
  "label.borrowMaxDays": "Longest borrowing",
  "label.state": "State",
  "label.statusReason": "Status reason",
  "label.keyHint": "Key (last group)",
  "label.key": "Key",
  "label.owner": "Owner",
  "label.firstActivated": "First activated",
  "label.expires": "Expires",
  "label.devices": "Devices",
  "label.timeline": "Timeline",
  "label.publicKeys": "Public keys",
  "label.retired": "Retired",
  "label.signsFrom": "Signs from",
  "label.role": "Role",
  "label.lastUsed": "Last used",
  "label.revoked": "Revoked",
  "label.platform": "Platform",
  "label.activated": "Activated",
  "label.lastSeen": "Last seen",
  "label.deactivated": "Deactivated",
  "label.time": "Time",
  "label.event": "Event",
  "label.actor": "Actor",
  "label.reason": "Reason",
  "label.details": "Details",
  "label.none": "none",
  "label.never": "never",
  "label.yes": "yes",
  "label.no": "no",
  "label.afterFirstActivation": "after the first activation",
  "label.noItems": "(none)",

  "deviceLabel.state": "State",
  "deviceLabel.explanation": "Why",
  "deviceLabel.product": "Product",
  "deviceLabel.license": "License",
  "deviceLabel.channel": "Channel",
  "deviceLabel.entitlements": "Entitlements",
  "deviceLabel.device": "Device",
  "deviceLabel.key": "Key (last group)",
  "deviceLabel.keySource": "Key from",
  "deviceLabel.leaseIssued": "Lease issued",
  "deviceLabel.leaseUntil": "Lease until",
  "deviceLabel.graceUntil": "Grace until",
  "deviceLabel.licenseExpires": "License expires",
  "deviceLabel.lastContact": "Last server contact",
  "deviceLabel.connection": "Connection",
  "deviceLabel.retryAt": "Next attempt",
  "deviceLabel.problem": "Problem",
  "deviceLabel.remedy": "What to do",
  "deviceLabel.folder": "State folder",
  "deviceLabel.server": "Server",
  "deviceLabel.trust": "Trusted keys",
  "deviceLabel.collector": "Collector",
  "deviceLabel.environment": "Environment",
  "deviceLabel.fingerprint": "Fingerprint",
  "deviceLabel.notRead": "Not read",
  "deviceLabel.lastDecision": "Last decision",
  "deviceLabel.clock": "Clock",

  "state.active": "active",
  "state.grace": "on grace",
  "state.expired": "expired",
  "state.no_key": "no product key",
  "state.not_activated": "not activated",
  "state.suspended": "suspended",
  "state.revoked": "revoked",
  "state.deactivated": "deactivated",
  "state.mismatch": "another machine's lease",
  "state.forked": "forked (two copies)",
  "state.superseded": "superseded (activated again elsewhere)",
  "state.clock_rollback": "clock set back",
  "state.tampered": "altered files",
  "state.corrupt": "damaged files",

  "device.state": "{state} — {valid, select, yes {the app may run} other {the app may not run}}",
  "device.never": "never",
  "device.none": "none",
  "device.keyInstalled":
    "Installed the product key …{hint}. Activate this machine with `ninsho device activate`.",
  "device.pinned":
    "Trusting {count, plural, one {# public key} other {# public keys}} of {url} from now on (pinned on first use):",
  "device.pinnedKey": "  {kid}  SHA-256 {digest}",
  "device.activatedNew": "Activated: this machine is device {deviceId} on license {licenseId}.",
  "device.recognized":
    "Activated: this machine was recognised as device {deviceId} ({score}); no new slot was taken.",
  "device.leaseLine":
    "The lease runs until {leaseUntil}, then grace until {graceUntil} ({left} without the server).",
  "device.uninstalled": "Removed the product key and the lease from this machine.",
  "device.slotKept":
    "The server still counts {deviceId} as a device of the license; free its slot from another machine or the customer portal.",
  "device.deactivated":
    "Deactivated {deviceId} at {at}: its slot on the license is free. The key stays installed.",
  "device.transferred":
    "Moved the license from {from} to this machine ({to}); {left, plural, one {# transfer} other {# transfers}} left in the last 365 days.",
  "device.transferAllowance":
    "This license can move {left, plural, one {# more time} other {# more times}} in the last 365 days (allowance {perYear}).",
  "device.transferAllowanceNone":
    "This license cannot move now (allowance {perYear} in 365 days, or its cool-down); the next move is possible from {nextAt}.",
  "device.transferCodeSent":
    "A code to prove the license is yours was mailed to {to} (valid until {expiresAt}, 5 tries). Then run:\n  {command}",
  "device.deviceCodePrompt":
    "Open {url} signed in to your account, and enter the code {code} (valid until {expiresAt}). Waiting for your approval…",
  "device.expiryActive":
    "Activated. The lease runs until {leaseUntil} ({leaseLeft}), then grace until {graceUntil}.",
  "device.expiryGrace":
    "On grace: the lease ended on {leaseEnded}; the app runs until {graceUntil} ({left} left).",
  "device.licenseNeverExpires": "The license itself never expires.",
  "device.licenseExpires": "The license expires on {at}.",
  "device.trustGiven": "the vendor's keys (--public-key / NINSHO_PUBLIC_KEYS)",
  "device.trustServer": "pinned on first use from {url} at {at}",
  "device.trustNone": "none yet (pinned at the first activation)",
  "device.clockOverridden": "{now} (NINSHO_DEVICE_NOW, test only)",
  "device.connection":
    "{failures, plural, =0 {{state}} one {{state} (# failed attempt in a row)} other {{state} (# failed attempts in a row)}}",

  "doctor.heading": "Ninsho doctor — product {productId}, folder {dir}, server {url}",
  "doctor.title.key": "Product key",
  "doctor.title.server": "Server and TLS",
  "doctor.title.clock": "Clock",
  "doctor.title.lease": "Lease",
  "doctor.title.fingerprint": "Fingerprint",
  "doctor.title.devices": "Devices and transfers",
  "doctor.title.seat": "Seat",
  "doctor.title.relay": "Relay",
  "doctor.runsOn":
    "not checked: the app runs on {on, select, relay {a lease from the on-premises relay} other {a floating seat}}, not on an activation of this folder",
  "doctor.seat.none": "No seat is held.",
  "doctor.seat.held": "Seat {id} is held until {until} ({left} left); heartbeats move it on.",
  "doctor.seat.borrowed":
    "Seat {id} is borrowed offline until {until} ({left} left); no heartbeats are needed.",
  "doctor.seat.heartbeatsFailing":
    "Heartbeats are failing: the app may keep running on its seat for {left} more, until {until}.",
  "doctor.relay.found":
    "Relay {url} found {foundBy, select, srv {by the DNS SRV record _ninsho._tcp} other {by configuration}}.",
  "doctor.relay.lease":
    "The lease from the relay is signed under grant {grantId}, certified by the vendor's key; renew by {renewBy}, runs offline until {runsUntil}.",
  "doctor.outcome.ok": "ok",
  "doctor.outcome.warn": "WARN",
  "doctor.outcome.fail": "FAIL",
  "doctor.outcome.fixed": "fixed",
  "doctor.outcome.skipped": "skipped",
  "doctor.whatToDo": "What to do:",
  "doctor.nothingToDo": "Nothing to do: every check passed.",
  "doctor.skippedOffline": "not checked (--offline)",
  "doctor.skippedUnreachable": "not checked: the server cannot be reached",
  "doctor.skippedNoLease": "not checked: this machine holds no lease",
  "doctor.skippedNoKey": "not checked: no product key is installed",
  "doctor.keyOk": "…{hint}, well formed; {source}",
  "doctor.serverOk":
    "answers in {ms} ms; {tls, select, https {TLS certificate accepted} other {plain HTTP on this machine (no network crossed)}}",
  "doctor.clockOk": "{skew} from the server's {signed, select, yes {signed} other {HTTP (unsigned)}} time",
  "doctor.leaseOk":
    "signature verified; lease until {leaseUntil}, then grace until {graceUntil} ({left} left)",
  "doctor.notActivatedRefused": "no lease: the last activation was refused ({code}, see below)",
  "doctor.repaired": "{code} found, and repaired from the server just now",
  "doctor.fingerprintSame": "unchanged since {since} (collector {collector})",
  "doctor.fingerprintViaPrevious":
    "recognised through the previous collector's set ({previous}); the server moves to {current} at the next refresh, with no reactivation",
  "doctor.fingerprintSameAsLease": "unchanged since the lease was issued",
  "doctor.changedKinds": "changed: {kinds}",
  "doctor.score":
    "match score {score} {above, select, yes {≥} other {<}} threshold {threshold}{pair, select, yes {, {unitIds} unit-level identifiers matched} other {}}: {same, select, yes {still recognised} other {not recognised}}",
  "doctor.devicesOk": "this machine holds a slot as {deviceId}",
  "doctor.deviceLine": "{id}  {name} ({platform}), last seen {lastSeen}",
  "doctor.freeASlot":
    "{transferable, select, yes {On a machine listed above that you no longer use, run `ninsho device deactivate`; or move the license here: `ninsho device transfer --replaces <device id>` (a code is mailed to the owner).} other {On a machine listed above that you no longer use, run `ninsho device deactivate` (this policy allows no transfers).}}",
  "doctor.noDevice": "no slot: this machine is not activated",

  "offline.iidHeading": "Installation ID of this machine (made on {date}):",
  "offline.group": "group {n}",
  "offline.iidNext":
    "Read it group by group to the phone-activation page or to support (product {productId}), then type the confirmation ID you get: ninsho device confirm <confirmation ID>",
  "offline.qrHint": "Or scan the code with a phone: it opens {url}",
  "offline.offlineKeyHint":
    "A machine that never reaches the server needs the product's offline key: pass --offline-key (the JSON of GET /v1/products/'{id}'/offline-key, inline or a file) or set NINSHO_OFFLINE_KEY.",
  "offline.confirmed":
    "Confirmed by phone: this machine may run until {leaseUntil}, then on grace until {graceUntil} ({left} left).",
  "offline.confirmedForever": "Confirmed by phone: this machine may run with no end date.",
  "offline.confirmationKept":
    "The confirmation is genuine, but the one installed before runs longer: that one stays in effect.",
  "offline.requestWritten":
    "{where, select, stdout {Wrote the request file to standard output} other {Wrote the request file {path}}}{sealed, select, yes {; its license file will be sealed to this machine (its key stays in the state folder).} other { (its license file will not be sealed).}}",
  "offline.requestNext":
    "Take it to the vendor's portal (or POST it to /v1/offline/license-files), bring back the license file, then: ninsho device install-file <license file>",
  "offline.fileInstalled":
    "Installed the license file{sealed, select, yes { (sealed to this machine)} other {}}: this machine is device {deviceId} on license {licenseId}.",

  "usage.reason.positiveInt": "Expected a whole number of 1 or more.",
  "usage.reason.fraction": "Expected a number above 0 and at most 1, e.g. 0.55.",
  "usage.reason.duration": "Expected a duration such as 7d, 12h or 30m.",
  "usage.reason.weights": "Expected kind=weight pairs separated by commas, e.g. board=30,disk=20.",
  "usage.reason.instant": "Expected a date (2027-01-01) or an ISO time with offset.",
  "usage.reason.noSuchDate": "No such date.",
  "usage.reason.expiry": "Expected none, a date (2027-01-01) or a duration (365d).",
  "usage.reason.range": "{name} must be a whole number from {min} to {max}.",
  "usage.reason.durationRange": "{name} must be a duration from {min} to {max}, e.g. 2m.",
  "usage.reason.overage":
    "Expected a share of the pool and a window, e.g. 10%/24h: 1% to 100%, 1h to 30d in whole hours.",

  "relay.initialised":
    "Relay key pair made. Send {request} to the vendor; start the relay with the grant file they send back.",
  "relay.listening": "Relay listening on {url}: grant {grantId}, up to {max} devices.",
  "relay.adminToken":
    "Admin page {url} — admin token for this run (shown once, only its digest is kept): {token}",
  "relay.reported":
    "Signed usage report written to {out}. Send it to the vendor (ninsho usage-reports import).",
  "admin.grantIssued":
    "Grant {grantId} for {maxDevices} devices, {notBefore} to {expiresAt}, written to {out}.",
  "admin.reportImported":
    "{imported, select, true {Imported} other {Already imported}} report {reportId}: {admitted} of {maxDevices} devices, peak {peak}, {refused} refused, {renewals} renewals.",
  "local.backedUp": "Backed up {from} to {to}.",
  "local.backupHolds":
    "  {licenses, plural, one {# license} other {# licenses}}, {devices, plural, one {# device} other {# devices}}; schema {schema}",
  "local.masterKeyCopied":
    "Master key copied to {path} (mode 0600): store it as carefully as the key itself.",
  "local.masterKeyApart":
    "The master key is NOT in the backup: keep {keyFile} (or NINSHO_MASTER_KEY) safe and apart from it;",
  "local.masterKeyWhy":
    "  without it the backup's signing keys and product keys cannot be opened (--with-master-key copies it).",
  "local.restored":
    "Restored {from} to {to}: {licenses, plural, one {# license} other {# licenses}}, {devices, plural, one {# device} other {# devices}}.",
  "local.databaseKept": "  The database it replaced is kept as {path}.",
  "local.masterKeyKept": "  The master key it replaced is kept as {path}.",
  "local.masterKeyInstalled": "  Master key from {source} installed as {path}.",
  "local.upToDate": "{target}: up to date, nothing to apply.",
  "local.applied": "{target}: applied {migrations}.",
} as const;

/** A key of the command's messages. */
export type CliMessageKey = keyof typeof en;
