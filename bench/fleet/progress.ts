/**
 * A progress bar on stderr: redrawn in place on a terminal, one line per tenth when the output is a file (so a
 * log of a long run shows it moving without a screenful of carriage returns).
 */
export function progressBar(
  label: string,
  total: number,
): { tick(n?: number, note?: string): void; done(): void } {
  let done = 0;
  let shownTenth = -1;
  const started = performance.now();
  const tty = process.stderr.isTTY === true;
  const draw = (note = "") => {
    const share = total === 0 ? 1 : Math.min(1, done / total);
    const width = 30;
    const filled = Math.round(share * width);
    const elapsed = (performance.now() - started) / 1000;
    const eta = share > 0 ? (elapsed / share) * (1 - share) : 0;
    const line = `${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${(share * 100).toFixed(0)}% ${elapsed.toFixed(0)} s, ~${eta.toFixed(0)} s left ${note}`;
    if (tty) process.stderr.write(`\r${line.padEnd(110)}`);
    else if (Math.floor(share * 10) > shownTenth) {
      shownTenth = Math.floor(share * 10);
      process.stderr.write(`${line}\n`);
    }
  };
  return {
    tick(n = 1, note = "") {
      done += n;
      draw(note);
    },
    done() {
      done = total;
      draw();
      if (tty) process.stderr.write("\n");
    },
  };
}
