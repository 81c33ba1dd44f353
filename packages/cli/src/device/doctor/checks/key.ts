import { describe } from "@ninsho/core";
import { describeKeySource } from "@ninsho/sdk";
import type { Evidence, Finding } from "../types.js";

/**
 * Check 1, the product key: installed and well formed (a preinstalled key with a typo names its group and
 * where it was found), and known to the server (a refused activation with KEY_NOT_FOUND). A machine that runs
 * on its lease with no key left (its state file and `product.key` were lost) is warned: the next
 * activation will need it.
 * @example
 * checkKey(evidence); // { check: "key", outcome: "ok", message: "…48HP2, well formed; typed in (installKey)" }
 */
export function checkKey(e: Evidence): Finding {
  const s = e.before;
  const source = s.keySource ? describeKeySource(s.keySource, e.locale) : undefined;
  if (s.state === "no_key") {
    return {
      check: "key",
      outcome: "fail",
      ...(s.code === undefined ? {} : { code: s.code }),
      message: source === undefined ? (s.message ?? "") : `${s.message ?? ""} (${source})`,
      ...(s.remedy === undefined ? {} : { remedy: s.remedy }),
      ...(s.keySource ? { details: { keySource: s.keySource } } : {}),
    };
  }
  const failure = s.connection.problem;
  if (s.state === "not_activated" && failure?.code === "KEY_NOT_FOUND") {
    return {
      check: "key",
      outcome: "fail",
      code: failure.code,
      message: failure.message,
      remedy: failure.remedy,
    };
  }
  if (s.keyHint === undefined) {
    // The lease holds, but the key is gone (a damaged state file was replaced): the next activation needs it.
    const text = describe("KEY_NOT_INSTALLED", e.locale);
    return { check: "key", outcome: "warn", code: "KEY_NOT_INSTALLED", ...text };
  }
  return {
    check: "key",
    outcome: "ok",
    message: e.m.doctor.keyOk(s.keyHint ?? "", source ?? ""),
    ...(s.keySource ? { details: { keySource: s.keySource } } : {}),
  };
}
