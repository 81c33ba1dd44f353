import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { readResults } from "../report/results.js";

export interface SdkFigures {
  readonly sdkPerSecond: number;
  readonly rawPerSecond: number;
  readonly ratio: number;
  readonly coldStartMedianMs: number;
}

/**
 * bench/sdk/validate.ts in its own process (it starts a server in-process, activates, then measures offline),
 * writing its sdk_* keys into `resultsPath`; returns them.
 */
export async function benchSdk(
  resultsPath: string,
  env: Readonly<Record<string, string>>,
): Promise<SdkFigures> {
  const script = fileURLToPath(new URL("../sdk/validate.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...env, BENCH_RESULTS: resultsPath },
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`bench/sdk/validate.ts exited with ${code}`);
  const r = readResults(resultsPath);
  const figure = (key: string) => {
    const value = r[key];
    if (typeof value !== "number") throw new Error(`the SDK bench wrote no ${key}`);
    return value;
  };
  return {
    sdkPerSecond: figure("sdk_validate_per_s"),
    rawPerSecond: figure("raw_verify_per_s"),
    ratio: figure("sdk_validate_ratio"),
    coldStartMedianMs: figure("sdk_cold_start_median_ms"),
  };
}
