import type { Problem } from "@ninsho/core";
import type { Confirmation } from "../../services/offline/confirm.js";
import type { IssuedLicenseFile } from "../../services/offline/licenseFiles.js";
import type { OfflineOutcome } from "../../services/offline/persist.js";

/**
 * What every offline answer says about the activation it made (or made before, on a replay).
 * @example
 * outcomeView(outcome, productName).replayed; // true on a replay
 */
export const outcomeView = (outcome: OfflineOutcome, productName: string) => ({
  device: { id: outcome.device.id, name: outcome.device.name },
  license: { id: outcome.license.id, productId: outcome.license.productId, productName },
  ...(outcome.decision === undefined ? {} : { decision: outcome.decision }),
  ...(outcome.transferredFrom === undefined ? {} : { transferredFrom: outcome.transferredFrom }),
  replayed: outcome.replayed,
});

/**
 * The answer to a phone activation.
 * @example
 * c.json(confirmationView(result.value), 201);
 */
export const confirmationView = (c: Confirmation) => ({
  confirmationId: c.confirmationId,
  groups: [...c.groups],
  installationId: c.installationId.text,
  grant: {
    leaseDays: c.grant.terms.leaseDays,
    graceDays: c.grant.terms.graceDays,
    features: [...c.features],
    featuresWithheld: [...c.featuresWithheld],
    ...(c.grant.leaseExpiresAt === undefined ? {} : { leaseExpiresAt: c.grant.leaseExpiresAt.toISOString() }),
    ...(c.grant.graceEndsAt === undefined ? {} : { graceEndsAt: c.grant.graceEndsAt.toISOString() }),
  },
  ...outcomeView(c.outcome, c.productName),
});

/**
 * The answer to a request file.
 * @example
 * c.json(licenseFileView(result.value), 201);
 */
export const licenseFileView = (f: IssuedLicenseFile) => ({
  licenseFile: f.licenseFile,
  sealed: f.sealed,
  fileName: f.sealed ? "ninsho-license.jwe" : "ninsho-license.jwt",
  leaseExpiresAt: f.leaseExpiresAt,
  graceEndsAt: f.graceEndsAt,
  ...outcomeView(f.outcome, f.productName),
});

/**
 * Retry-After for a license whose self-service phone activation is paused.
 * @example
 * respondProblem(c, problem, retryHeaders(problem));
 */
export const retryHeaders = (problem: Problem): Record<string, string> => {
  const retryAfter = (problem.details as { retryAfter?: unknown } | undefined)?.retryAfter;
  return problem.code === "RATE_LIMITED" && typeof retryAfter === "number"
    ? { "Retry-After": String(retryAfter) }
    : {};
};
