import { cpus, loadavg, totalmem } from "node:os";

/** The machine a run measured on, as the README and results.json name it. */
export interface Machine {
  readonly cores: number;
  readonly model: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly description: string;
}

export function machine(): Machine {
  const cores = cpus().length;
  const model = cpus()[0]?.model.trim() ?? "unknown CPU";
  const memoryGiB = Math.round(totalmem() / 2 ** 30);
  const node = process.version;
  return {
    cores,
    model,
    memoryGiB,
    node,
    description: `${cores} × ${model}, ${memoryGiB} GiB, Node ${node}`,
  };
}

/** The 1, 5 and 15 minute load averages, e.g. "8.7 8.6 8.2". */
export const loadAverage = (): string =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");
