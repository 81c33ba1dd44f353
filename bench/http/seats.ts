import { describeRun, drive, type Run } from "./drive.js";
import { randomFingerprint } from "./fixtures.js";
import type { BenchServer } from "./process.js";
import type { LoadSettings } from "./suite.js";

/** Seats kept for the heartbeat run (the first ones checked out; heartbeats cycle over them). */
const KEEP = 5_000;

/**
 * Floating seats under load (issue 15): check-outs of new machines from one large pool (every check-out locks
 * the one license, counts its held seats and writes the seat durably), then heartbeats of the seats taken,
 * each with its own secret, cycling over them. One license is the hot case: a site's whole pool.
 */
export class SeatBench {
  private readonly held: { readonly id: string; readonly secret: string }[] = [];
  private next = 0;

  private constructor(
    private readonly label: string,
    private readonly url: string,
    private readonly key: string,
  ) {}

  /** A floating policy of a million seats with an hour's heartbeat timeout, and one license under it. */
  static async prepare(label: string, server: BenchServer): Promise<SeatBench> {
    const call = async <T>(path: string, body: unknown): Promise<T> => {
      const res = await fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${server.adminToken}` },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    const product = await call<{ id: string }>("/v1/admin/products", { name: "bench seats" });
    const policy = await call<{ id: string }>("/v1/admin/policies", {
      productId: product.id,
      name: "bench floating",
      channel: "floating",
      seats: 1_000_000,
      heartbeatTimeoutSeconds: 3600,
    });
    const issued = await call<{ licenses: { key: string }[] }>("/v1/admin/licenses", { policyId: policy.id });
    const key = issued.licenses[0]?.key;
    if (key === undefined) throw new Error("bench seats: no license issued");
    return new SeatBench(label, server.url, key);
  }

  private readonly checkOutBody = (): string =>
    JSON.stringify({
      key: this.key,
      fingerprint: randomFingerprint(),
      device: { name: "bench", platform: "linux" },
    });

  private readonly keep = (body: string): void => {
    if (this.held.length >= KEEP) return;
    const answer = JSON.parse(body) as { seat?: { id?: string }; secret?: string };
    if (answer.seat?.id !== undefined && answer.secret !== undefined)
      this.held.push({ id: answer.seat.id, secret: answer.secret });
  };

  /** `POST /v1/seats` of new machines. */
  async checkOut(s: LoadSettings): Promise<Run> {
    const measured = await drive({
      url: this.url,
      path: "/v1/seats",
      body: this.checkOutBody,
      connections: s.connections,
      seconds: s.seconds,
      warmup: s.warmup,
      onAnswer: this.keep,
    });
    console.log(`${this.label} seat check-out: ${describeRun(measured)}`);
    return measured;
  }

  /** `POST /v1/seats/{id}/heartbeats` over the seats taken, each with its own secret. */
  async heartbeat(s: LoadSettings): Promise<Run> {
    if (this.held.length === 0) throw new Error("bench seats: no seat was checked out to heartbeat");
    const shot = () => {
      const seat = this.held[this.next++ % this.held.length] ?? { id: "", secret: "" };
      return {
        path: `/v1/seats/${seat.id}/heartbeats`,
        body: "{}",
        headers: { authorization: `Bearer ${seat.secret}` },
      };
    };
    const first = shot();
    const measured = await drive({
      url: this.url,
      path: first.path,
      body: () => first.body,
      shot,
      connections: s.connections,
      seconds: s.seconds,
      warmup: s.warmup,
    });
    console.log(`${this.label} seat heartbeat: ${describeRun(measured)}`);
    return measured;
  }
}
