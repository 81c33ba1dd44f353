import { randomBytes } from "node:crypto";

/** A random machine: seven components with random digests. */
export const randomFingerprint = () => ({
  collector: "bench/1",
  components: ["board", "disk", "mac", "os-install", "cpu", "gpu", "ram"].map((kind) => ({
    kind,
    digest: randomBytes(16).toString("hex"),
  })),
});

export type BenchFingerprint = ReturnType<typeof randomFingerprint>;

/** The admin API, as the bench needs it. */
export class BenchAdmin {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  private async call<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${this.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${this.token}` },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async policy(name: string, maxDevices: number): Promise<string> {
    const product = await this.call<{ id: string }>("/v1/admin/products", { name });
    const policy = await this.call<{ id: string }>("/v1/admin/policies", {
      productId: product.id,
      name,
      channel: "volume",
      maxDevices,
    });
    return policy.id;
  }

  /** Issue `count` keys through the streamed CSV endpoint; returns the keys (or only counts them). */
  async keys(policyId: string, count: number, keep = true): Promise<{ keys: string[]; seconds: number }> {
    const started = performance.now();
    const res = await fetch(`${this.url}/v1/admin/key-batches`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ policyId, count }),
    });
    if (!res.ok || !res.body) throw new Error(`key-batches: ${res.status}`);
    const keys: string[] = [];
    let lines = -1;
    let rest = "";
    const decoder = new TextDecoder();
    for await (const chunk of res.body) {
      const text = rest + decoder.decode(chunk, { stream: true });
      const parts = text.split("\n");
      rest = parts.pop() ?? "";
      for (const line of parts) {
        lines++;
        if (keep && lines > 0) keys.push(line.split(",")[1] ?? "");
      }
    }
    if (lines !== count) throw new Error(`key-batches returned ${lines} keys, expected ${count}`);
    return { keys, seconds: (performance.now() - started) / 1000 };
  }

  async activate(key: string, fingerprint: BenchFingerprint): Promise<void> {
    const res = await fetch(`${this.url}/v1/activations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key, fingerprint, device: { name: "bench", platform: "linux" } }),
    });
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`activate: ${res.status} ${await res.text()}`);
  }
}
