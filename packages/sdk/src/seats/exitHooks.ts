/**
 * What `releaseOnExit` needs of a seat client: to return its seat, and whether it holds one.
 * @example
 * const releasable: Releasable = seats;
 */
export interface Releasable {
  /** Return the seat to the pool (resolves once the server has it back, or it could not be reached). */
  release(): Promise<unknown>;
  /** The seat held now, or undefined when none is: nothing to return on exit. */
  current(): unknown;
}

const SIGNALS = ["SIGTERM", "SIGINT"] as const;

/** Longest a release may hold up an exit: a server that does not answer must not keep a container alive. */
const RELEASE_WAIT_MS = 3_000;

/**
 * Return the seat when the process is asked to end: on SIGTERM (what Docker, Kubernetes and systemd send) and
 * SIGINT the seat is released, then the signal ends the process as it would have (unless the app listens to
 * it too); on a natural end (`beforeExit`) it is released before the process exits. A process killed with
 * SIGKILL cannot do anything: its seat comes back when the policy's heartbeat timeout passes. The returned
 * function removes the handlers.
 *
 * @example
 * const undo = releaseOnExit(seats);
 * // … later, if the app manages its own shutdown:
 * undo();
 */
export function releaseOnExit(client: Releasable): () => void {
  let releasing: Promise<unknown> | undefined;
  const release = () => {
    releasing ??= Promise.race([
      client.release(),
      new Promise((done) => setTimeout(done, RELEASE_WAIT_MS).unref()),
    ]);
    return releasing;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void release().finally(() => {
      undo();
      // Nobody else handles it: end as the signal would have, with its conventional status.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  const onBeforeExit = () => {
    if (client.current() !== undefined) void release();
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on("beforeExit", onBeforeExit);
  const undo = () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
    process.off("beforeExit", onBeforeExit);
  };
  return undo;
}
