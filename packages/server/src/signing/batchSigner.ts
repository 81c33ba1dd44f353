import { type ResponseSignature, type SigningKey, signResponses } from "@ninsho/core";

interface Pending {
  readonly body: object;
  readonly resolve: (signature: ResponseSignature) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Signs answers in batches: every answer asked for during one turn of the event loop joins one Merkle tree
 * whose root gets a single Ed25519 signature. Under load that turns one signature per answer into one per
 * batch; when idle a batch is one answer and costs what a plain signature costs. What a signature proves
 * does not change (see `signedResponse.ts` in core).
 */
export class BatchSigner {
  private readonly queues = new Map<string, { key: SigningKey; items: Pending[] }>();
  private scheduled = false;
  /** Answers signed and batches made, for the bench and /healthz. */
  readonly stats = { answers: 0, batches: 0 };

  sign(key: SigningKey, body: object): Promise<ResponseSignature> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(key.kid) ?? { key, items: [] };
      queue.items.push({ body, resolve, reject });
      this.queues.set(key.kid, queue);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private signAlone(key: SigningKey, item: Pending): void {
    try {
      const [signature] = signResponses(key, [item.body]);
      this.stats.batches++;
      this.stats.answers++;
      if (signature) item.resolve(signature);
      else item.reject(new Error("signature missing"));
    } catch (error) {
      item.reject(error);
    }
  }

  private flush(): void {
    this.scheduled = false;
    const queues = [...this.queues.values()];
    this.queues.clear();
    for (const { key, items } of queues) {
      try {
        const signatures = signResponses(
          key,
          items.map((item) => item.body),
        );
        this.stats.batches++;
        this.stats.answers += items.length;
        items.forEach((item, i) => {
          const signature = signatures[i];
          if (signature) item.resolve(signature);
          else item.reject(new Error("signature missing from batch"));
        });
      } catch {
        // One answer that cannot be signed must not fail the answers batched with it: sign each on its own.
        for (const item of items) this.signAlone(key, item);
      }
    }
  }
}
