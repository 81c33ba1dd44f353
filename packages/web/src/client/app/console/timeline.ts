import type { EventSchema } from "@ninsho/contract";
import { isRecord } from "@ninsho/core";
import type * as z from "zod";
import type { Speech } from "../i18n.js";
import { seatRelayLine } from "./seatRelayLines.js";

type TimelineEvent = z.infer<typeof EventSchema>;

/** Who did it, in words: the server, the device, a staff token, or the customer. */
export function actorWords(actor: string, speech: Speech): string {
  const { actors } = speech.words;
  if (actor === "system") return actors.system;
  if (actor.startsWith("device:")) return actors.device;
  if (actor.startsWith("token:")) return speech.t(actors.admin, { id: actor.slice("token:".length) });
  if (actor.startsWith("account:")) return actors.account;
  return actor;
}

/** A match explanation inside an event's data, wherever the event keeps it. */
function explanationIn(data: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined {
  const decision = data.decision;
  if (isRecord(decision) && typeof decision.score === "number") return decision;
  const details = data.details;
  const closest = isRecord(details) ? details.closest : undefined;
  const explanation = isRecord(closest) ? closest.explanation : undefined;
  return isRecord(explanation) ? explanation : undefined;
}

/** The component kinds that did not match (changed, missing or added). */
export function changedKinds(explanation: Record<string, unknown>): string[] {
  const components = Array.isArray(explanation.components) ? explanation.components : [];
  return components
    .filter((c): c is Record<string, unknown> => isRecord(c) && c.outcome !== "matched")
    .map((c) => `${String(c.kind)} (${String(c.outcome)})`);
}

export interface EventWords {
  readonly what: string;
  readonly lines: readonly string[];
}

/**
 * One timeline entry in words: what happened, by whom, why (a refusal's code), the
 * match score against the threshold and the components that changed — never raw event names or data.
 * @example
 * eventWords(event, speech).what; // "Activation refused"
 */
export function eventWords(event: TimelineEvent, speech: Speech): EventWords {
  const { timeline } = speech.words;
  const lines: string[] = [speech.t(timeline.by, { actor: actorWords(event.actor, speech) })];
  if (event.reason !== undefined) {
    // A refusal's reason is its catalogue code: the support desk's page words it (GET …/refusals).
    lines.push(speech.t(timeline.because, { reason: event.reason }));
  }
  const explanation = explanationIn(event.data);
  if (explanation !== undefined) {
    lines.push(
      speech.t(timeline.score, {
        score: Number(explanation.score),
        threshold: Number(explanation.threshold),
      }),
    );
    const changed = changedKinds(explanation);
    if (changed.length > 0) lines.push(speech.t(timeline.changed, { list: changed.join(", ") }));
  }
  if (typeof event.data.method === "string")
    lines.push(speech.t(timeline.method, { method: event.data.method }));
  const facts = seatRelayLine(event, speech.locale);
  if (facts !== undefined) lines.push(facts);
  const names: Readonly<Record<string, string>> = speech.words.events;
  return { what: names[event.type] ?? event.type, lines };
}
