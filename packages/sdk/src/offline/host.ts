import type { ClientEmitter } from "../client/events.js";
import type { ResolvedOptions } from "../client/options.js";
import { explain, type ProblemSeed } from "../client/problem.js";
import type { KeySet } from "../client/publicKeys.js";
import type { ClientResult } from "../client/result.js";
import type { Session } from "../client/session.js";
import type { ClientStatus } from "../client/types.js";

/**
 * What the offline operations get from the client: its options and keys, its session (loaded once), its
 * queue of operations (one at a time), its status publisher and its events.
 *
 * @example
 * const host: OfflineHost = { options, keys, events, session: () => this.ready(), serial: (op) => this.serial(op), publish: (s) => this.publish(s, Date.now()) };
 */
export interface OfflineHost {
  readonly options: ResolvedOptions;
  readonly keys: KeySet;
  readonly events: ClientEmitter;
  session(): Promise<Session>;
  serial<T>(operation: () => Promise<T>): Promise<T>;
  publish(session: Session): ClientStatus;
}

/**
 * An offline step's result: what it made, or the problem that stopped it.
 *
 * @example
 * const step: Step<{ text: string }> = { ok: false, seed: seed("KEY_NOT_INSTALLED") };
 */
export type Step<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly seed: ProblemSeed };

/**
 * The client's answer to a step: what it made or the problem in the client's language, and the status.
 *
 * @example
 * return finish(host, session, await serial(() => confirmOn(session, typed)));
 */
export function finish<T extends object>(
  host: OfflineHost,
  session: Session,
  step: Step<T>,
): ClientResult<T> {
  const status = host.publish(session);
  return step.ok
    ? { ok: true, status, ...step.value }
    : { ok: false, problem: explain(step.seed, host.options.locale), status };
}

/**
 * @example
 * if (!key) return failed(seed("KEY_NOT_INSTALLED"));
 */
export const failed = (problem: ProblemSeed): { readonly ok: false; readonly seed: ProblemSeed } => ({
  ok: false,
  seed: problem,
});
