import autocannon from "autocannon";
import type { Shot } from "./traffic.js";

/** What one load run measured: 2xx answers per second over the run, latency percentiles, failures. */
export interface Run {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  /** 2xx answers. */
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  /** The statuses of the non-2xx answers, e.g. "503 ×12". */
  readonly statuses?: string;
  readonly seconds: number;
}

export interface DriveOptions {
  readonly url: string;
  readonly path: string;
  /** A new body for each request (to `path`). */
  readonly body: () => string;
  /** Or a new path and body for each request (a mixed run); `path` is then the first request's. */
  readonly shot?: () => Shot;
  readonly connections: number;
  readonly seconds: number;
  /** Seconds of the same load first, not measured (the server's JIT and caches warm up). */
  readonly warmup?: number;
  /** Stop after this many requests (still at most `seconds` × 3). */
  readonly amount?: number;
  /** A non-2xx status that is this route's expected answer too (counted with the 2xx ones), e.g. 401. */
  readonly alsoCount?: number;
  /** Every 2xx answer's body, e.g. to keep the leases of activated devices. */
  readonly onAnswer?: (body: string) => void;
}

/** One line for the log: "1,234 req/s, p50 5 ms, p99 20 ms" (and failures, if any). */
export const describeRun = (r: Run): string =>
  `${r.rps.toLocaleString("en")} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms over ${r.seconds} s` +
  (r.non2xx + r.errors > 0
    ? `; ${r.non2xx} non-2xx answers${r.statuses ? ` (${r.statuses})` : ""}, ${r.errors} errors`
    : "");

/** Drive one route with POSTs on loopback, bounded in time; stops by itself. */
export async function drive(options: DriveOptions): Promise<Run> {
  if (options.warmup) await measure({ ...options, seconds: options.warmup, onAnswer: () => {} });
  return measure(options);
}

async function measure(options: DriveOptions): Promise<Run> {
  const onAnswer = options.onAnswer;
  const shot = options.shot;
  const settings: autocannon.Options = {
    url: `${options.url}${options.path}`,
    // autocannon refuses more connections than requests.
    connections: Math.min(options.connections, options.amount ?? Number.POSITIVE_INFINITY),
    duration: options.seconds,
    ...(options.amount === undefined ? {} : { amount: options.amount }),
    method: "POST",
    headers: { "content-type": "application/json" },
    requests: [
      {
        setupRequest: (request) => {
          if (!shot) return { ...request, body: options.body() };
          const next = shot();
          const headers = next.headers ? { ...request.headers, ...next.headers } : request.headers;
          return { ...request, path: next.path, body: next.body, headers };
        },
        ...(onAnswer
          ? { onResponse: (status: number, body: string) => (status < 300 ? onAnswer(body) : undefined) }
          : {}),
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    let guard: NodeJS.Timeout | undefined;
    const instance = autocannon(settings, (error: unknown, finished: autocannon.Result) => {
      clearTimeout(guard);
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(finished);
    });
    guard = setTimeout(() => instance.stop(), options.seconds * 3000);
  });
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .filter(([status]) => !status.startsWith("2") && status !== `${options.alsoCount}`)
    .map(([status, stat]) => `${status} ×${stat.count ?? 0}`)
    .join(", ");
  // Only 2xx answers count (and an expected status the caller names): a refusal, a 503 of the load shedder
  // among them, is no work done.
  const also =
    options.alsoCount === undefined ? 0 : (result.statusCodeStats?.[`${options.alsoCount}`]?.count ?? 0);
  return {
    rps: Math.round((result["2xx"] + also) / Math.max(result.duration, 0.001)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    ...(statuses ? { statuses } : {}),
    seconds: Math.round(result.duration * 100) / 100,
  };
}
