import {
  type License,
  type Problem,
  TRANSFER_PERIOD_MS,
  type TransferAllowance,
  transferAllowance,
} from "@ninsho/core";
import type { ServerDeps } from "../deps.js";

/**
 * TRANSFER_ALLOWANCE_EXHAUSTED for a spent allowance: which limit (the period's count or the cool-down), from
 * when the next move is possible, and `request` (a support request's id, or `none` until one is opened).
 * @example
 * if (allowance.blocked) return { ok: false, error: exhaustedProblem(allowance) };
 */
export function exhaustedProblem(allowance: TransferAllowance, request = "none"): Problem {
  if (!allowance.blocked || allowance.blocked.reason === "not_allowed")
    return { code: "TRANSFER_NOT_ALLOWED" };
  const { blocked } = allowance;
  const facts = {
    reason: blocked.reason,
    used: allowance.used,
    allowance: allowance.perYear,
    nextAt: blocked.nextAt,
    lastAt: blocked.lastAt,
    cooldownHours: Math.ceil(allowance.cooldownSeconds / 3600),
    request,
  };
  return { code: "TRANSFER_ALLOWANCE_EXHAUSTED", params: facts, details: facts };
}

/**
 * A license's transfer allowance now, as its owner sees it before choosing (the same rule the transfer applies).
 * @example
 * const { left, nextAt } = await allowanceOf(deps, license);
 */
export async function allowanceOf(deps: ServerDeps, license: License) {
  const now = deps.clock();
  const policy = await deps.policies.forLicense(license);
  const since = new Date(now.getTime() - TRANSFER_PERIOD_MS + 1).toISOString();
  const recent = await deps.store.events.listTypesSince(license.id, ["device.transferred"], since);
  const rule = policy ?? { transferable: false, transfersPerYear: 0 };
  return allowanceView(
    transferAllowance(
      rule,
      recent.map((event) => event.createdAt),
      now,
    ),
  );
}

/** The allowance as the API shows it: `nextAt` when a transfer is refused now, and why (`blockedBy`). */
export const allowanceView = (allowance: TransferAllowance) => ({
  allowed: allowance.allowed,
  perYear: allowance.perYear,
  used: allowance.used,
  left: allowance.left,
  cooldownSeconds: allowance.cooldownSeconds,
  ...(allowance.blocked && allowance.blocked.reason !== "not_allowed"
    ? { nextAt: allowance.blocked.nextAt, blockedBy: allowance.blocked.reason }
    : {}),
});
