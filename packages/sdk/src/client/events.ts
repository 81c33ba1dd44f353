import type { ClientEvents } from "./types.js";

type Listener<E extends keyof ClientEvents> = ClientEvents[E];

/**
 * A small typed emitter. A listener that throws is reported as a process warning and never breaks the
 * client: a bug in an app's banner code must not stop its license from refreshing.
 *
 * @example
 * const events = new ClientEmitter();
 * const stop = events.on("refresh", (r) => console.log(r.ok));
 * events.emit("refresh", { ok: true, at: new Date().toISOString() });
 * stop();
 */
export class ClientEmitter {
  private readonly listeners: { [E in keyof ClientEvents]: Set<Listener<E>> } = {
    state: new Set(),
    lease: new Set(),
    refresh: new Set(),
  };

  on<E extends keyof ClientEvents>(event: E, listener: Listener<E>): () => void {
    this.listeners[event].add(listener);
    return () => this.off(event, listener);
  }

  off<E extends keyof ClientEvents>(event: E, listener: Listener<E>): void {
    this.listeners[event].delete(listener);
  }

  emit<E extends keyof ClientEvents>(event: E, ...args: Parameters<Listener<E>>): void {
    for (const listener of [...this.listeners[event]]) {
      try {
        (listener as (...a: Parameters<Listener<E>>) => void)(...args);
      } catch (error) {
        process.emitWarning(
          `a Ninsho "${event}" listener threw: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
}
