import { createHash } from "node:crypto";
import type { Seeded } from "./seed.js";

/**
 * The first start's instructions: the only time the admin token is ever shown.
 * @example
 * for (const line of banner(url, seeded)) console.log(line);
 */
export function banner(url: string, seeded: Seeded): string[] {
  const digest = (fact: string) => createHash("sha256").update(`demo:${fact}`).digest("hex");
  const body = JSON.stringify({
    key: seeded.demoKey,
    fingerprint: {
      collector: "demo/1",
      components: [
        { kind: "board", digest: digest("board") },
        { kind: "disk", digest: digest("disk") },
        { kind: "mac", digest: digest("mac") },
        { kind: "os-install", digest: digest("os") },
      ],
    },
    device: { name: "demo machine", platform: "linux" },
  });
  return [
    `admin token: ${seeded.adminToken}`,
    "  (shown once: only its digest is stored; keep it to use the admin API and `ninsho` admin commands)",
    `demo key: ${seeded.demoKey}`,
    `  (demo policy: 3 devices; product and policy ids: ${seeded.productId}, ${seeded.policyId})`,
    "activate the demo key:",
    `  curl -sS -X POST ${url}/v1/activations -H 'content-type: application/json' -d '${body}'`,
  ];
}
