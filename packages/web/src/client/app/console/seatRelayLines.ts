import type { EventSchema } from "@ninsho/contract";
import { timelineMessage } from "@ninsho/core";
import type * as z from "zod";
import type { WordsLocale } from "../../../words/index.js";

type TimelineEvent = z.infer<typeof EventSchema>;

/** Entries whose facts (seats held, the pool, a relay's figures) are worth a line of their own. */
const WORDED = new Set(["seat.overage", "seat.refused", "relay.grant_issued", "relay.usage_reported"]);

/**
 * The facts of a seat or relay entry in words, in the reader's language, from core's timeline texts over the
 * entry's params: an overage seat with the pool and how many were held, a seat refused (and to whom; the
 * "why" page words its code), a volume grant, an imported relay usage report with its true-up figures.
 * @example
 * seatRelayLine(event, "ja"); // "リレーの利用レポートを取り込みました（…）: 50 台中 50 台を受け入れ、…"
 */
export function seatRelayLine(event: TimelineEvent, locale: WordsLocale): string | undefined {
  if (!WORDED.has(event.type)) return undefined;
  return timelineMessage({ code: event.code ?? event.type, params: event.params ?? {} }, locale);
}
