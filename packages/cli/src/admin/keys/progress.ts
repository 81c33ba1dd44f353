import { Presets, SingleBar } from "cli-progress";
import { count } from "../format.js";
import { type Io, line } from "../io.js";
import type { Messages } from "../messages.js";

/**
 * Progress of a long count: a bar when stderr is a terminal, else a plain line at every tenth.
 * @example
 * const progress = startProgress(io, m, 1_000_000);
 * progress.update(5_000);
 * progress.stop();
 */
export interface Progress {
  update(done: number): void;
  stop(): void;
}

/**
 * Start showing progress towards `total` on stderr.
 * @example
 * const progress = startProgress(io, messagesFor("en"), 20_000);
 */
export function startProgress(io: Io, m: Messages, total: number): Progress {
  if (io.stderr.isTTY === true) {
    const bar = new SingleBar(
      {
        stream: io.stderr,
        format: "keys [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}",
        formatValue: (value, _options, type) =>
          type === "value" || type === "total" ? count(value) : String(value),
        hideCursor: true,
        fps: 10,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  let shownTenth = 0;
  return {
    update: (done) => {
      const tenth = Math.floor((done * 10) / total);
      if (tenth <= shownTenth) return;
      shownTenth = tenth;
      const percent = Math.floor((done * 100) / total);
      line(io.stderr, m.keysProgress(count(done), count(total), percent));
    },
    stop: () => {},
  };
}
