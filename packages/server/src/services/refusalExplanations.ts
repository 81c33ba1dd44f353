import type { Refusals } from "@ninsho/contract";
import {
  describe,
  type EventType,
  isErrorCode,
  isRecord,
  type LicenseEvent,
  type Locale,
} from "@ninsho/core";

/**
 * The events that are refusals support and the owner read explained: a device turned away, and a seat refused
 * (a full pool, a lapsed seat).
 * @example
 * const events = await deps.store.events.listTypesSince(id, REFUSAL_EVENT_TYPES, new Date(0).toISOString());
 */
export const REFUSAL_EVENT_TYPES: readonly EventType[] = ["activation.refused", "seat.refused"];

type Explained = Refusals["refusals"][number];

/** The values of a refusal's details that can fill its message's placeholders (numbers and words only). */
function paramsOf(details: Record<string, unknown>): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(details))
    if (typeof value === "string" || typeof value === "number") params[name] = value;
  if (typeof details.maxDevices === "number") params.max = details.maxDevices;
  if (Array.isArray(details.devices)) params.count = details.devices.length;
  return params;
}

/**
 * A refusal kept in a timeline, explained for support: the catalogue's message and remedy in `locale`, and
 * from the closest known device the score against the threshold and the components that did not match.
 * @example
 * explainRefusal(event, "ja").message; // "このライセンスは…"
 */
export function explainRefusal(event: LicenseEvent, locale: Locale): Explained {
  const code = event.reason ?? "UNKNOWN";
  const details = isRecord(event.data.details) ? event.data.details : {};
  const words = isErrorCode(code) ? describe(code, locale, paramsOf(details)) : { message: code, remedy: "" };
  const closest = isRecord(details.closest) ? details.closest : undefined;
  const explanation =
    closest !== undefined && isRecord(closest.explanation) ? closest.explanation : undefined;
  const components =
    explanation !== undefined && Array.isArray(explanation.components) ? explanation.components : [];
  return {
    at: event.createdAt,
    code,
    message: words.message,
    remedy: words.remedy,
    ...(typeof explanation?.score === "number" ? { score: explanation.score } : {}),
    ...(typeof explanation?.threshold === "number" ? { threshold: explanation.threshold } : {}),
    ...(typeof closest?.deviceId === "string" ? { closestDeviceId: closest.deviceId } : {}),
    changed: components
      .filter((c): c is Record<string, unknown> => isRecord(c) && c.outcome !== "matched")
      .map((c) => ({ kind: String(c.kind), outcome: String(c.outcome) })),
    ...(typeof details.maxDevices === "number" ? { maxDevices: details.maxDevices } : {}),
  };
}
