import type { RateLimitRepository, WindowCount } from "@ninsho/store";
import type { Logger } from "pino";
import { MemoryRateLimitRepository } from "./memoryCounters.js";

/** How many failed key lookups are allowed, per client address (group) and for the whole server. */
export interface KeyGuessingLimits {
  /** Failed lookups one client may make per window; then it is refused, whatever it sends, until the window ends. */
  readonly perClient: number;
  /**
   * Failed lookups all clients together may make per window before the server counts as under attack (a
   * botnet guessing from many addresses). It refuses no valid key: it lowers every client's allowance to
   * `perClientUnderAttack` until the window ends.
   */
  readonly global: number;
  /** A client's allowance while the server is under attack (default 2: a customer's typo or two still pass). */
  readonly perClientUnderAttack?: number;
  /** Window length in seconds. */
  readonly windowSeconds: number;
  /** Wrong proofs in installation IDs and request files (defaults: `defaultProofGuessingLimits`). */
  readonly proofs?: Partial<ProofGuessingLimits>;
}

/**
 * Wrong proofs (an installation ID or request file whose proof does not match its license's key): someone who
 * saw an ID guesses its 26-bit proof. Counted per client and per license; a valid proof never pays for them.
 */
export interface ProofGuessingLimits {
  /** Wrong proofs one client may send per window. */
  readonly perClient: number;
  /** Wrong proofs one license takes per window before it counts as under attack. */
  readonly perLicense: number;
  /** A client's allowance for a license under attack (default 1: a client that sent one wrong proof waits). */
  readonly perClientUnderAttack: number;
  readonly windowSeconds: number;
}

export const defaultProofGuessingLimits: ProofGuessingLimits = {
  perClient: 10,
  perLicense: 10,
  perClientUnderAttack: 1,
  windowSeconds: 86_400,
};

export const defaultKeyGuessingLimits: KeyGuessingLimits = {
  perClient: 20,
  global: 2000,
  perClientUnderAttack: 2,
  windowSeconds: 60,
};

/** What a guarded lookup turned out to be, for the limits. */
export interface LookupSubject {
  /** The client's address group (`clientSource`). */
  readonly source: string;
  /** The license whose proof was checked, for installation IDs and request files. */
  readonly proofFor?: string | undefined;
}

/** One allowance: the counter of a client, and the counter whose excess puts every client on a lower one. */
interface Budget {
  readonly name: string;
  readonly perClient: number;
  readonly shared: number;
  readonly perClientUnderAttack: number;
  readonly windowMs: number;
}

/** How often the shared counters are swept of windows long over. */
const PURGE_EVERY_MS = 10 * 60_000;

/**
 * Guards against guessing: product keys and installation IDs (enumeration), and the proof of an ID someone
 * overheard. Only *failures* are counted, and counted before they are answered (consume, then decide), so N
 * guesses in parallel against an allowance of M get exactly M answers. A lookup that finds what it looks for
 * (a valid key, a valid proof) is never counted and never refused for others' failures: it is refused only
 * when its own client is over its allowance (that client is the guesser) or, while the server or the license
 * is under attack, over the lower allowance then in force.
 *
 * The counters live behind the store's `RateLimitRepository`: this process's memory (one process, SQLite), the
 * database every process shares (PostgreSQL), or Redis.
 * @example
 * const limits = new RateLimits(store.rateLimits);
 * const wait = await limits.chargeFailure({ source: "203.0.113.7" }, new Date()); // seconds, or undefined
 */
export class RateLimits {
  private readonly keys: Budget;
  private readonly proofs: Budget;
  private nextPurge = 0;

  constructor(
    private readonly counters: RateLimitRepository,
    limits: KeyGuessingLimits = defaultKeyGuessingLimits,
    private readonly logger?: Logger,
  ) {
    const proofs = { ...defaultProofGuessingLimits, ...limits.proofs };
    this.keys = {
      name: "k",
      perClient: limits.perClient,
      shared: limits.global,
      perClientUnderAttack: limits.perClientUnderAttack ?? defaultKeyGuessingLimits.perClientUnderAttack ?? 2,
      windowMs: limits.windowSeconds * 1000,
    };
    this.proofs = {
      name: "p",
      perClient: proofs.perClient,
      shared: proofs.perLicense,
      perClientUnderAttack: proofs.perClientUnderAttack,
      windowMs: proofs.windowSeconds * 1000,
    };
  }

  /** Limits counted in this process's memory. */
  static inMemory(limits: KeyGuessingLimits = defaultKeyGuessingLimits): RateLimits {
    return new RateLimits(new MemoryRateLimitRepository(), limits);
  }

  /**
   * A lookup found what it looked for: seconds to wait when its client is over its allowance (so a guesser
   * over it learns nothing, not even that a guess was right), `undefined` to go ahead. Counts nothing.
   */
  async admitFound(subject: LookupSubject, now: Date): Promise<number | undefined> {
    const at = now.getTime();
    const waits = await Promise.all([
      this.admit(this.keys, `k:c:${subject.source}`, "k:all", at),
      subject.proofFor === undefined
        ? undefined
        : this.admit(this.proofs, `p:c:${subject.source}`, `p:l:${subject.proofFor}`, at),
    ]);
    return secondsToWait(waits, at);
  }

  /**
   * A lookup failed (a malformed or unknown key or ID, a wrong proof): count it, then decide. Seconds to wait
   * when this failure is over the client's allowance (answer 429 instead of the failure), `undefined` to answer
   * the failure.
   */
  async chargeFailure(subject: LookupSubject, now: Date): Promise<number | undefined> {
    const at = now.getTime();
    this.purgeNowAndThen(at);
    const waits = await Promise.all([
      this.charge(this.keys, `k:c:${subject.source}`, "k:all", at),
      subject.proofFor === undefined
        ? undefined
        : this.charge(this.proofs, `p:c:${subject.source}`, `p:l:${subject.proofFor}`, at),
    ]);
    return secondsToWait(waits, at);
  }

  private async admit(budget: Budget, client: string, shared: string, at: number) {
    const [mine, all] = await Promise.all([this.counters.peek(client, at), this.counters.peek(shared, at)]);
    if (mine === undefined) return undefined;
    return refusedUntil(
      budget,
      mine,
      mine.count,
      all !== undefined && all.count >= budget.shared ? all : undefined,
    );
  }

  private async charge(budget: Budget, client: string, shared: string, at: number) {
    const [mine, all] = await Promise.all([
      this.counters.consume(client, 1, budget.windowMs, at),
      this.counters.consume(shared, 1, budget.windowMs, at),
    ]);
    // This failure is the count-th: it is answered while count-1 earlier ones leave room for it.
    return refusedUntil(budget, mine, mine.count - 1, all.count > budget.shared ? all : undefined);
  }

  private purgeNowAndThen(at: number): void {
    if (at < this.nextPurge) return;
    this.nextPurge = at + PURGE_EVERY_MS;
    this.counters.purgeExpired(at).catch((error: unknown) => {
      this.logger?.warn({ err: error }, "could not purge old rate-limit counters");
    });
  }
}

/**
 * When a client with `before` failures already counted in `mine` may be answered again, or `undefined` if it
 * may now. Under attack (`attack` is the shared counter then over its limit) the lower allowance holds until
 * the client's own window or the attack's ends, whichever is first.
 */
function refusedUntil(
  budget: Budget,
  mine: WindowCount,
  before: number,
  attack: WindowCount | undefined,
): number | undefined {
  if (before >= budget.perClient) return mine.resetAt;
  if (attack !== undefined && before >= budget.perClientUnderAttack)
    return Math.min(mine.resetAt, attack.resetAt);
  return undefined;
}

function secondsToWait(untils: readonly (number | undefined)[], at: number): number | undefined {
  const latest = Math.max(...untils.map((until) => until ?? 0));
  return latest > 0 ? Math.max(1, Math.ceil((latest - at) / 1000)) : undefined;
}
