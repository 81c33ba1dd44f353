import { type RateLimiterAbstract, RateLimiterMemory } from "rate-limiter-flexible";

/** How many failed key lookups are allowed before answering 429, per client and for the whole server. */
export interface KeyGuessingLimits {
  /** Failed lookups one client address may make per window. */
  readonly perClient: number;
  /** Failed lookups all clients together may make per window (a botnet guessing from many addresses). */
  readonly global: number;
  /** Window length in seconds. */
  readonly windowSeconds: number;
}

export const defaultKeyGuessingLimits: KeyGuessingLimits = { perClient: 20, global: 2000, windowSeconds: 60 };

/**
 * Guards against product-key guessing. Only *failed* lookups (malformed or unknown keys) count, so a customer
 * validating a real key a thousand times is never slowed; a guesser is stopped after a few dozen tries.
 * The limiters are injectable so several server processes can share them (PostgreSQL or Redis backed).
 */
export class RateLimits {
  constructor(
    private readonly perClient: RateLimiterAbstract,
    private readonly global: RateLimiterAbstract,
    private readonly limits: KeyGuessingLimits,
  ) {}

  static inMemory(limits: KeyGuessingLimits = defaultKeyGuessingLimits): RateLimits {
    return new RateLimits(
      new RateLimiterMemory({
        keyPrefix: "key-guess-client",
        points: limits.perClient,
        duration: limits.windowSeconds,
      }),
      new RateLimiterMemory({
        keyPrefix: "key-guess-global",
        points: limits.global,
        duration: limits.windowSeconds,
      }),
      limits,
    );
  }

  /** Seconds to wait when this client, or everyone, has used up its failed lookups; `undefined` to go ahead. */
  async keyGuessingRetryAfter(clientIp: string): Promise<number | undefined> {
    const [client, all] = await Promise.all([this.perClient.get(clientIp), this.global.get("all")]);
    const waits = [
      client && client.consumedPoints >= this.limits.perClient ? client.msBeforeNext : 0,
      all && all.consumedPoints >= this.limits.global ? all.msBeforeNext : 0,
    ];
    const wait = Math.max(...waits);
    return wait > 0 ? Math.max(1, Math.ceil(wait / 1000)) : undefined;
  }

  /** Count one failed lookup against the client and the server. */
  async recordFailedKey(clientIp: string): Promise<void> {
    await Promise.all([this.perClient.penalty(clientIp, 1), this.global.penalty("all", 1)]);
  }
}
