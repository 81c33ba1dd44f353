import type { Locale } from "@ninsho/core";
import { cliText } from "../../i18n/index.js";
import type { DeviceMessages, DoctorMessages } from "./types.js";

export type { CheckId, DeviceLabel, DeviceMessages, DoctorMessages, Outcome } from "./types.js";

const yes = (flag: boolean) => (flag ? "yes" : "no");

/**
 * The device commands' sentences in a locale: the ICU messages of `src/i18n` (`device.*`, `deviceLabel.*`,
 * `state.*`, `doctor.*`) behind the typed functions the commands call.
 * @example
 * deviceMessagesFor("ja").label("leaseUntil"); // "リース期限"
 */
export function deviceMessagesFor(locale: Locale): DeviceMessages {
  const t = cliText(locale);
  const doctor: DoctorMessages = {
    heading: (productId, dir, url) => t("doctor.heading", { productId, dir, url }),
    title: {
      key: t("doctor.title.key"),
      server: t("doctor.title.server"),
      clock: t("doctor.title.clock"),
      lease: t("doctor.title.lease"),
      fingerprint: t("doctor.title.fingerprint"),
      devices: t("doctor.title.devices"),
      seat: t("doctor.title.seat"),
      relay: t("doctor.title.relay"),
    },
    outcome: {
      ok: t("doctor.outcome.ok"),
      warn: t("doctor.outcome.warn"),
      fail: t("doctor.outcome.fail"),
      fixed: t("doctor.outcome.fixed"),
      skipped: t("doctor.outcome.skipped"),
    },
    whatToDo: t("doctor.whatToDo"),
    nothingToDo: t("doctor.nothingToDo"),
    skippedOffline: t("doctor.skippedOffline"),
    skippedUnreachable: t("doctor.skippedUnreachable"),
    skippedNoLease: t("doctor.skippedNoLease"),
    skippedNoKey: t("doctor.skippedNoKey"),
    keyOk: (hint, source) => t("doctor.keyOk", { hint, source }),
    serverOk: (ms, tls) => t("doctor.serverOk", { ms, tls }),
    clockOk: (skew, signed) => t("doctor.clockOk", { skew, signed: yes(signed) }),
    leaseOk: (leaseUntil, graceUntil, left) => t("doctor.leaseOk", { leaseUntil, graceUntil, left }),
    notActivatedRefused: (code) => t("doctor.notActivatedRefused", { code }),
    repaired: (code) => t("doctor.repaired", { code }),
    fingerprintSame: (since, collector) => t("doctor.fingerprintSame", { since, collector }),
    fingerprintViaPrevious: (previous, current) => t("doctor.fingerprintViaPrevious", { previous, current }),
    fingerprintSameAsLease: t("doctor.fingerprintSameAsLease"),
    changedKinds: (kinds) => t("doctor.changedKinds", { kinds }),
    score: (score, threshold, same, unitIds = 0) => {
      // Recognised below the threshold only by two unit-level ids (the pair rule): say which rule spoke.
      const pair = same && unitIds >= 2 && score < threshold;
      return t("doctor.score", {
        score,
        threshold,
        same: yes(same),
        above: yes(same && !pair),
        pair: yes(pair),
        unitIds,
      });
    },
    devicesOk: (deviceId) => t("doctor.devicesOk", { deviceId }),
    deviceLine: (id, name, platform, lastSeen) => t("doctor.deviceLine", { id, name, platform, lastSeen }),
    freeASlot: (transferable) => t("doctor.freeASlot", { transferable: yes(transferable) }),
    noDevice: t("doctor.noDevice"),
  };
  return {
    label: (name) => t(`deviceLabel.${name}`),
    state: (state, valid) => t("device.state", { state: t(`state.${state}`), valid: yes(valid) }),
    never: t("device.never"),
    none: t("device.none"),
    keyInstalled: (hint) => t("device.keyInstalled", { hint }),
    pinned: (count, url) => t("device.pinned", { count, url }),
    pinnedKey: (kid, digest) => t("device.pinnedKey", { kid, digest }),
    activatedNew: (deviceId, licenseId) => t("device.activatedNew", { deviceId, licenseId }),
    recognized: (deviceId, score) => t("device.recognized", { deviceId, score }),
    leaseLine: (leaseUntil, graceUntil, left) => t("device.leaseLine", { leaseUntil, graceUntil, left }),
    uninstalled: t("device.uninstalled"),
    slotKept: (deviceId) => t("device.slotKept", { deviceId }),
    deactivated: (deviceId, at) => t("device.deactivated", { deviceId, at }),
    transferred: (from, to, left) => t("device.transferred", { from, to, left }),
    transferAllowance: (left, perYear, nextAt) =>
      nextAt === undefined
        ? t("device.transferAllowance", { left, perYear })
        : t("device.transferAllowanceNone", { perYear, nextAt }),
    transferCodeSent: (to, expiresAt, command) => t("device.transferCodeSent", { to, expiresAt, command }),
    deviceCodePrompt: (url, code, expiresAt) => t("device.deviceCodePrompt", { url, code, expiresAt }),
    expiryActive: (leaseUntil, leaseLeft, graceUntil) =>
      t("device.expiryActive", { leaseUntil, leaseLeft, graceUntil }),
    expiryGrace: (leaseEnded, graceUntil, left) => t("device.expiryGrace", { leaseEnded, graceUntil, left }),
    licenseExpires: (at) =>
      at === undefined ? t("device.licenseNeverExpires") : t("device.licenseExpires", { at }),
    trustGiven: t("device.trustGiven"),
    trustServer: (url, at) => t("device.trustServer", { url, at }),
    trustNone: t("device.trustNone"),
    clockOverridden: (now) => t("device.clockOverridden", { now }),
    connection: (state, failures) => t("device.connection", { state, failures }),
    doctor,
  };
}
