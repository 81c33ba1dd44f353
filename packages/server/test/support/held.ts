import type { AppExtension } from "../../src/app.js";

/**
 * A GET route at /v1/_test/held that waits until the test opens its gate, so a test holds requests inside the
 * app for as long as it needs (e.g. to fill the load shedder's in-flight limit) without timing anything.
 * @example
 * const held = heldRoute();
 * const t = await servers.start({ app: { extensions: [held.extension] } });
 * const entered = held.enter();
 * const answer = get(t.app, held.path);
 * await entered; // the request is inside the route now
 * held.open();
 */
export function heldRoute() {
  let open: () => void = () => {};
  const gate = new Promise<void>((done) => (open = done));
  const waiting: (() => void)[] = [];
  const path = "/v1/_test/held";
  const extension: AppExtension = (app) => {
    app.get(path, async (c) => {
      for (const wake of waiting.splice(0, 1)) wake();
      await gate;
      return c.json({ held: true });
    });
  };
  /** Resolves when the next request enters the route. */
  const enter = () => new Promise<void>((done) => waiting.push(done));
  return { path, extension, open: () => open(), enter };
}
