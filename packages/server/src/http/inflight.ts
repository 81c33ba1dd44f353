/**
 * Requests being answered, so a server that stops waits for them before closing its database: a client that
 * hangs up does not end its request's work, and that work must not find the store already closed.
 * @example
 * const inflight = new InFlight();
 * serve({ fetch: inflight.wrap(app.fetch) });
 * await inflight.drained(10_000);
 */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  wrap<A extends unknown[]>(fetch: (...args: A) => Response | Promise<Response>) {
    return async (...args: A): Promise<Response> => {
      this.count++;
      try {
        return await fetch(...args);
      } finally {
        if (--this.count === 0) for (const wake of this.waiters.splice(0)) wake();
      }
    };
  }

  /** Resolves when no request is being answered, or after `timeoutMs` whatever happens. */
  drained(timeoutMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((done) => {
      const timer = setTimeout(done, timeoutMs);
      timer.unref();
      this.waiters.push(() => {
        clearTimeout(timer);
        done();
      });
    });
  }
}
