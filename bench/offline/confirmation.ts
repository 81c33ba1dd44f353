import { createHash } from "node:crypto";
import {
  buildInstallationId,
  generateOfflineKeyPair,
  generateProductKey,
  issueConfirmationId,
  verifyConfirmationId,
} from "@ninsho/core";

export interface ConfirmationFigures {
  readonly count: number;
  /** Median time of one device-side check, as typed: parse, decode the public key, two pairings. */
  readonly verifyMedianUs: number;
  readonly verifyP90Us: number;
  /** Median time of the server signing one confirmation (hash to G1, one scalar multiplication). */
  readonly issueMedianUs: number;
}

const percentile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

const machine = (n: number) => ({
  collector: "windows/1",
  components: ["board", "disk", "mac", "os-install", "cpu"].map((kind) => ({
    kind,
    digest: createHash("sha256").update(`bench:${n}:${kind}`).digest("hex"),
  })),
});

/** Confirmation IDs of `count` machines issued and verified one at a time, in this process. */
export function benchConfirmations(count: number): ConfirmationFigures {
  const product = generateOfflineKeyPair();
  const terms = { leaseDays: 30, graceDays: 14 };
  const issued: { iid: ReturnType<typeof buildInstallationId>; text: string }[] = [];
  const issueUs: number[] = [];
  const at = new Date();
  for (let n = 0; n < count + 1; n++) {
    const iid = buildInstallationId({
      key: generateProductKey(),
      productNumber: 101,
      components: machine(n),
      at,
    });
    const started = performance.now();
    const cid = issueConfirmationId(product.secretKey, iid, terms);
    issueUs.push((performance.now() - started) * 1000);
    issued.push({ iid, text: cid.text });
  }
  const verifyUs: number[] = [];
  for (const [n, { iid, text }] of issued.entries()) {
    const started = performance.now();
    const checked = verifyConfirmationId({
      installationId: iid,
      confirmationId: text,
      publicKey: product.publicKey,
    });
    if (n > 0) verifyUs.push((performance.now() - started) * 1000); // the first one warms up
    if (!checked.ok) throw new Error(`confirmation ${n} does not verify`);
  }
  return {
    count,
    verifyMedianUs: Math.round(percentile(verifyUs, 0.5)),
    verifyP90Us: Math.round(percentile(verifyUs, 0.9)),
    issueMedianUs: Math.round(percentile(issueUs.slice(1), 0.5)),
  };
}
