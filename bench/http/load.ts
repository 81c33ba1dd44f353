import autocannon from "autocannon";

/** What one load run measured. */
export interface LoadResult {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
}

export interface LoadOptions {
  readonly url: string;
  readonly path: string;
  /** A new body for each request (cycled if it returns the same few). */
  readonly body: () => string;
  readonly connections?: number;
  readonly seconds?: number;
}

/** Drive one route with POSTs on loopback for a bounded time; stops by itself. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: `${options.url}${options.path}`,
    connections: options.connections ?? 64,
    duration: options.seconds ?? 10,
    method: "POST",
    headers: { "content-type": "application/json" },
    requests: [{ setupRequest: (request) => ({ ...request, body: options.body() }) }],
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
