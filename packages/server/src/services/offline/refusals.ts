import { type Problem, type ReasonCode, reason } from "@ninsho/core";

/**
 * OFFLINE_FILE_INVALID for a request file, naming why and the field at fault.
 * @example
 * return { ok: false, error: invalidFile("REQUEST_OTHER_PRODUCT", "productId") };
 */
export const invalidFile = (why: ReasonCode, field: string): Problem => ({
  code: "OFFLINE_FILE_INVALID",
  params: { reason: reason(why) },
  details: { field, problem: "value" },
});

/** A request file that names no license of this server (a guess, or a file for another vendor's server). */
export const INVALID_FILE_LICENSE: Problem = invalidFile("REQUEST_NO_LICENSE", "licenseShortId");

/** A request file whose proof does not match its license's key. */
export const INVALID_FILE_PROOF: Problem = invalidFile("REQUEST_PROOF_MISMATCH", "proof");
