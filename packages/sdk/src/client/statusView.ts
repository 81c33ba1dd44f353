import type { ErrorCode, Locale } from "@ninsho/core";
import { sdkText } from "../i18n/index.js";
import { phoneExplanation } from "../offline/words.js";
import { acceptedView } from "./accepted.js";
import { formatDuration } from "./duration.js";
import { type Grant, grantInEffect, grantTimes } from "./grants.js";
import { explain, type ProblemSeed } from "./problem.js";
import type { Session, Verdict } from "./session.js";
import type { ClientStatus, ConnectionState, ConnectionStatus, LeaseKind } from "./types.js";

const CONNECTION_OF: Partial<Record<ErrorCode, ConnectionState>> = {
  SERVER_UNREACHABLE: "unreachable",
  SERVER_TIMEOUT: "timeout",
  SERVER_ERROR: "server_error",
  RESPONSE_INVALID: "invalid_response",
  RESPONSE_SIGNATURE_INVALID: "spoofed",
};

const iso = (ms: number | undefined) =>
  ms === undefined || !Number.isFinite(ms) ? undefined : new Date(ms).toISOString();

function explanation(
  verdict: Verdict,
  session: Session,
  nowMs: number,
  locale: Locale,
  message?: string,
): string {
  const lease = grantInEffect(session.lease, session.phone, verdict.grant);
  const t = sdkText(locale);
  if (lease?.kind === "phone-confirmed" && (verdict.state === "active" || verdict.state === "grace")) {
    return phoneExplanation(lease, verdict.state, nowMs, locale);
  }
  if (lease && (verdict.state === "active" || verdict.state === "grace")) {
    const times = {
      leaseUntil: iso(lease.leaseExpiresAtMs) ?? "—",
      graceUntil: iso(lease.graceEndsAtMs) ?? "—",
      left: formatDuration(lease.graceEndsAtMs - nowMs, locale),
    };
    return t(verdict.state === "active" ? "lease.active" : "lease.grace", times);
  }
  const at = iso(session.state.verdict?.at);
  if (session.state.verdict && at && verdict.seed === session.state.verdict.seed) {
    return t("verdict.signed", { at, message: message ?? "" });
  }
  return message ?? "";
}

function connection(session: Session, locale: Locale): ConnectionStatus {
  const { state, lease } = session;
  const failure = state.lastFailure;
  const due = session.dueAt();
  const lastAttemptAt = iso(state.lastAttemptAt);
  const retryAt = due > 0 && (lease || state.key) ? iso(due) : undefined;
  return {
    state: failure ? (CONNECTION_OF[failure.code] ?? "refused") : state.lastContactAt ? "ok" : "unknown",
    failures: state.failures,
    ...(lastAttemptAt ? { lastAttemptAt } : {}),
    ...(retryAt ? { retryAt } : {}),
    ...(failure ? { problem: explain(failure, locale) } : {}),
  };
}

/** The parts of a status that change only when the session does: computed once per change, not per call. */
type Facts = Omit<
  ClientStatus,
  | "state"
  | "valid"
  | "code"
  | "message"
  | "remedy"
  | "problem"
  | "explanation"
  | "timeLeftMs"
  | "leaseTimeLeftMs"
  | "checkedAt"
>;

function facts(
  session: Session,
  locale: Locale,
  productId: string,
  storageError: string | undefined,
  lease: Grant | undefined,
): Facts {
  const { state } = session;
  // A phone confirmation names no license, device or channel; its entitlements are only those its signed
  // feature bits grant (often none), whatever an earlier online activation reported.
  const phone = lease?.kind === "phone-confirmed";
  const claims = phone ? undefined : session.lease?.claims;
  const license = phone ? undefined : state.license;
  const licenseId = phone ? undefined : (state.licenseId ?? claims?.lic);
  const channel = license?.channel ?? claims?.chn;
  const entitlements = phone
    ? [...(session.phone?.entitlements ?? [])]
    : (license?.entitlements ?? claims?.ent);
  const deviceId = phone ? undefined : (claims?.sub ?? state.deviceId);
  const keySource = state.keySource ?? session.keyProblem?.source;
  const licenseExpiresAt =
    license?.expiresAt ?? iso(claims?.lex === undefined ? undefined : claims.lex * 1000);
  const lastServerContactAt = iso(state.lastContactAt);
  const lastServerTime = iso(state.lastServerTimeMs);
  return {
    productId,
    ...(licenseId ? { licenseId } : {}),
    ...(channel ? { channel } : {}),
    ...(entitlements ? { entitlements } : {}),
    ...(license?.policyId === undefined ? {} : { policyId: license.policyId }),
    ...(license?.maxDevices === undefined ? {} : { maxDevices: license.maxDevices }),
    ...(deviceId ? { deviceId } : {}),
    ...(state.key ? { keyHint: state.key.slice(-5) } : {}),
    ...(keySource ? { keySource } : {}),
    ...(lease ? grantTimes(lease) : {}),
    ...(licenseExpiresAt ? { licenseExpiresAt } : {}),
    ...(lastServerContactAt ? { lastServerContactAt } : {}),
    ...(lastServerTime ? { lastServerTime } : {}),
    ...(state.accepted ? { acceptedFingerprint: acceptedView(state.accepted) } : {}),
    connection: connection(session, locale),
    ...(state.lastDecision ? { lastDecision: state.lastDecision } : {}),
    ...(storageError === undefined ? {} : { storageError }),
  };
}

/**
 * Builds the status an app sees: the verdict, why, and every time and fact it may want to show.
 *
 * @example
 * const statuses = new StatusBuilder("en", productId);
 * const status = statuses.build(session, session.judge(now), now, undefined);
 */
export class StatusBuilder {
  private cache:
    | { version: number; storageError: string | undefined; kind: LeaseKind | undefined; facts: Facts }
    | undefined;

  constructor(
    private readonly locale: Locale,
    private readonly productId: string,
  ) {}

  build(session: Session, verdict: Verdict, nowMs: number, storageError: string | undefined): ClientStatus {
    const lease = grantInEffect(session.lease, session.phone, verdict.grant);
    let cached = this.cache;
    if (
      cached?.version !== session.version ||
      cached.storageError !== storageError ||
      cached.kind !== lease?.kind
    ) {
      cached = {
        version: session.version,
        storageError,
        kind: lease?.kind,
        facts: facts(session, this.locale, this.productId, storageError, lease),
      };
      this.cache = cached;
    }
    const shown: ProblemSeed | undefined = verdict.seed ?? (verdict.valid ? session.warning() : undefined);
    const problem = shown ? explain(shown, this.locale) : undefined;
    return {
      state: verdict.state,
      valid: verdict.valid,
      ...(problem ? { code: problem.code, message: problem.message, remedy: problem.remedy, problem } : {}),
      explanation: explanation(
        verdict,
        session,
        nowMs,
        this.locale,
        verdict.seed ? problem?.message : undefined,
      ),
      ...cached.facts,
      ...(lease && Number.isFinite(lease.graceEndsAtMs)
        ? { timeLeftMs: Math.max(0, lease.graceEndsAtMs - nowMs) }
        : {}),
      ...(lease && Number.isFinite(lease.leaseExpiresAtMs)
        ? { leaseTimeLeftMs: Math.max(0, lease.leaseExpiresAtMs - nowMs) }
        : {}),
      checkedAt: new Date(nowMs).toISOString(),
    };
  }
}
