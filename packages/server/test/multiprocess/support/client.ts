/** The HTTP side of the multi-process tests: admin set-up and device calls against real server processes. */
import type { Fingerprint } from "../../support/fingerprints.js";

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

/** POST (or GET without a body) JSON to a server; network failures reject. */
export async function send(
  url: string,
  path: string,
  body?: unknown,
  options: {
    readonly token?: string;
    readonly method?: string;
    readonly headers?: Record<string, string>;
  } = {},
): Promise<HttpAnswer> {
  const res = await fetch(`${url}${path}`, {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
      ...options.headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = {};
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

/** The error code of an answer, or `undefined`. */
export const codeOf = (answer: HttpAnswer): string | undefined =>
  (answer.body.error as { code?: string } | undefined)?.code;

/** Admin set-up through the API of any one process. */
export class Admin {
  constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  private async created(path: string, body: unknown): Promise<Record<string, unknown>> {
    const answer = await send(this.url, path, body, { token: this.token });
    if (answer.status !== 201) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** A new product and policy, and `count` keys under it. */
  async keys(fields: { maxDevices: number; leaseSeconds?: number }, count = 1) {
    const product = await this.created("/v1/admin/products", { name: "multi-process test" });
    const policy = await this.created("/v1/admin/policies", {
      productId: product.id,
      name: "multi-process",
      channel: "volume",
      ...fields,
    });
    const issued = await this.created("/v1/admin/licenses", { policyId: policy.id, count });
    const licenses = issued.licenses as { id: string; key: string }[];
    return { productId: String(product.id), policyId: String(policy.id), licenses };
  }

  call(method: string, path: string, body?: unknown): Promise<HttpAnswer> {
    return send(this.url, path, body, { token: this.token, method });
  }
}

/** `POST /v1/activations` of one machine. */
export const activate = (url: string, key: string, fingerprint: Fingerprint, name = "mp test") =>
  send(url, "/v1/activations", { key, fingerprint, device: { name, platform: "linux" } });
