import { createHash } from "node:crypto";
import type { Seeded } from "./seed.js";

/**
 * The first start's instructions: the only time the admin token is ever shown. Given `tokenFile`, the token is
 * not printed at all, only where it was written (a start whose output goes to a log, not a person).
 * @example
 * for (const line of banner(url, seeded)) console.log(line);
 * for (const line of banner(url, seeded, "/var/lib/ninsho/initial-admin-token")) logger.info(line);
 */
export function banner(url: string, seeded: Seeded, tokenFile?: string): string[] {
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
  const token =
    tokenFile === undefined
      ? [
          `admin token: ${seeded.adminToken}`,
          "  (shown once: only its digest is stored; keep it to use the admin API and `ninsho` admin commands)",
        ]
      : [
          `admin token file: ${tokenFile}`,
          "  (readable by this user only; only the token's digest is stored: move the token to your password store, then delete the file)",
        ];
  return [
    ...token,
    `demo key: ${seeded.demoKey}`,
    `  (demo policy: 3 devices; product and policy ids: ${seeded.productId}, ${seeded.policyId})`,
    "activate the demo key:",
    `  curl -sS -X POST ${url}/v1/activations -H 'content-type: application/json' -d '${body}'`,
  ];
}
