import { HealthSchema, readAs } from "@ninsho/contract";
import { describe, isRecord } from "@ninsho/core";
import { isLoopback, parseJson } from "../../network.js";
import type { Evidence, Finding } from "../types.js";

const fail = (
  code: Finding["code"],
  text: { message: string; remedy: string },
  details?: unknown,
): Finding => ({
  check: "server",
  outcome: "fail",
  ...(code === undefined ? {} : { code }),
  message: text.message,
  remedy: text.remedy,
  ...(details === undefined ? {} : { details }),
});

/** Faults of the SDK's own exchange in the online check: a server that answered /healthz may still fail it. */
const EXCHANGE_FAULTS = new Set([
  "SERVER_UNREACHABLE",
  "SERVER_TIMEOUT",
  "SERVER_ERROR",
  "RESPONSE_INVALID",
  "RESPONSE_SIGNATURE_INVALID",
]);

/**
 * Check 2, the server and TLS: it answers `/healthz` in time, over TLS that verifies (or plain HTTP on this
 * machine only), it is a Ninsho server publishing a key this machine trusts, and its answer in the online
 * check was genuine (signed by the product's key, echoing the nonce).
 * @example
 * checkServer(evidence).code; // "SERVER_UNREACHABLE" | "TLS_FAILED" | "KEYS_MISMATCH" | "KEYS_ROTATED" | …
 */
export function checkServer(e: Evidence): Finding {
  const { m, locale, config, probe } = e;
  if (!probe) return { check: "server", outcome: "skipped", message: m.doctor.skippedOffline };
  const health = probe.health;
  if (!health.ok) {
    const details = { url: config.url, cause: health.cause };
    if (health.failure === "tls")
      return fail(
        "TLS_FAILED",
        describe("TLS_FAILED", locale, { url: config.url, cause: health.cause }),
        details,
      );
    if (health.failure === "timeout")
      return fail("SERVER_TIMEOUT", describe("SERVER_TIMEOUT", locale, { seconds: 5 }), details);
    return fail("SERVER_UNREACHABLE", describe("SERVER_UNREACHABLE", locale, { url: config.url }), details);
  }
  if (health.status >= 500) {
    return fail("SERVER_ERROR", describe("SERVER_ERROR", locale, { status: health.status }), {
      status: health.status,
    });
  }
  const body = parseJson(health.text);
  if (readAs(HealthSchema, body) === undefined) {
    return fail("RESPONSE_INVALID", describe("RESPONSE_INVALID", locale), { status: health.status });
  }
  if (probe.keys === "mismatch") {
    return fail("KEYS_MISMATCH", describe("KEYS_MISMATCH", locale, { url: config.url }));
  }
  const problem = e.after?.connection.problem;
  const unknownKey = isRecord(problem?.details) && problem.details.reason === "unknown_key";
  if (problem?.code === "RESPONSE_SIGNATURE_INVALID" && unknownKey && probe.untrustedKids.length > 0) {
    // The vendor's keys need the vendor's new ones; keys pinned from the server may be pinned again.
    const code = e.trust?.origin === "given" ? "VENDOR_KEYS_OUTDATED" : "KEYS_ROTATED";
    const text = describe(code, locale, { url: config.url });
    return fail(code, text, { untrustedKids: probe.untrustedKids });
  }
  if (e.after && problem && e.after.connection.state !== "ok" && EXCHANGE_FAULTS.has(problem.code)) {
    return fail(problem.code, problem, problem.details);
  }
  const https = config.url.startsWith("https:");
  if (!https && !isLoopback(config.url)) {
    const text = describe("NO_TLS", locale, { url: config.url });
    return { check: "server", outcome: "warn", code: "NO_TLS", message: text.message, remedy: text.remedy };
  }
  return {
    check: "server",
    outcome: "ok",
    message: m.doctor.serverOk(probe.elapsedMs, https ? "https" : "loopback"),
    details: { elapsedMs: probe.elapsedMs, keys: probe.keys },
  };
}
