import { isRecord } from "@ninsho/core";
import type { ClientProblem } from "@ninsho/sdk";
import { when } from "../../../admin/format.js";
import { current, type Evidence, type Finding } from "../types.js";

const SLOT_CODES = new Set([
  "DEVICE_LIMIT_REACHED",
  "TRANSFER_ALLOWANCE_EXHAUSTED",
  // Retired, but a state written by SDK 0.1.0, or an older server's answer, may still carry it.
  "TRANSFER_LIMIT_REACHED",
  "TRANSFER_PROOF_REQUIRED",
  "TRANSFER_CODE_INVALID",
  "TRANSFER_NOT_ALLOWED",
  "DEVICE_DEACTIVATED",
  "DEVICE_REPLACED",
  "REACTIVATION_PROOF_REQUIRED",
]);

/** Refusals that name the devices in the way, to list under the finding (the ones to transfer from). */
const LISTS_DEVICES = new Set(["DEVICE_LIMIT_REACHED", "REACTIVATION_PROOF_REQUIRED"]);

const text = (value: unknown): string => (typeof value === "string" ? value : "?");

/** The devices holding a full license, as the server listed them, one line each. */
function deviceLines(e: Evidence, details: unknown): string[] {
  const devices = isRecord(details) && Array.isArray(details.devices) ? details.devices : [];
  return devices
    .filter(isRecord)
    .map((d) =>
      e.m.doctor.deviceLine(
        text(d.id),
        text(d.name),
        text(d.platform),
        typeof d.lastSeenAt === "string" ? when(d.lastSeenAt) : "?",
      ),
    );
}

/** The last refusal about slots: of the state (a refused activation), else of the last exchange. */
function slotProblem(e: Evidence): ClientProblem | undefined {
  for (const s of [current(e), e.before]) {
    for (const problem of [s.problem, s.connection.problem]) {
      if (problem && SLOT_CODES.has(problem.code)) return problem;
    }
  }
  return undefined;
}

/**
 * Check 6, device limit and transfer allowance: a full license (DEVICE_LIMIT_REACHED, with the devices that
 * hold it and whether the policy allows transfers), a transfer refused (TRANSFER_ALLOWANCE_EXHAUSTED with the
 * date the next one is allowed and the support request opened, a missing or wrong proof, or
 * TRANSFER_NOT_ALLOWED), a re-activation by key refused after a fork (REACTIVATION_PROOF_REQUIRED, with the
 * device to transfer from), or this device deactivated or replaced by another machine; else the slot it holds.
 * @example
 * checkDevices(evidence).lines; // ["dev_01…  office-pc (windows), last seen 2026-11-20 09:12:00Z", …]
 */
export function checkDevices(e: Evidence): Finding {
  const { m } = e;
  const problem = slotProblem(e);
  if (problem) {
    const transferable = !(isRecord(problem.details) && problem.details.transferable === false);
    const lines = LISTS_DEVICES.has(problem.code) ? deviceLines(e, problem.details) : [];
    const remedy =
      problem.code === "DEVICE_LIMIT_REACHED"
        ? `${problem.remedy} ${m.doctor.freeASlot(transferable)}`
        : problem.remedy;
    return {
      check: "devices",
      outcome: "fail",
      code: problem.code,
      message: problem.message,
      remedy,
      lines,
      ...(problem.details === undefined ? {} : { details: problem.details }),
    };
  }
  const s = current(e);
  if (s.deviceId === undefined || s.leaseExpiresAt === undefined) {
    return { check: "devices", outcome: "skipped", message: m.doctor.noDevice };
  }
  return { check: "devices", outcome: "ok", message: m.doctor.devicesOk(s.deviceId) };
}
