import { makeCatalogue, popularSku } from "../catalogue.js";
import { newMachine } from "../machine.js";
import { baseParams } from "../params.js";
import { Rng } from "../prng.js";
import { type AttackOutcome, runAttack } from "./attacks.js";
import { type Capability, capabilities } from "./capabilities.js";
import { RETAIL, RealServer } from "./server.js";

/** One capability's attacks, as `bench/fleet.json` reports them. */
export interface AttackRow {
  readonly capability: string;
  readonly description: string;
  readonly rewritten_client: boolean;
  readonly attacks: number;
  /** Share of attacks in which the server ever served the copy (issued it a lease or a valid answer). */
  readonly share_running: number;
  /** Days the copy ran, on its copied lease and any it was given: median and 95th percentile over attacks. */
  readonly machine_days_median: number;
  readonly machine_days_p95: number;
  /** Days the owner's machine was on and could not run, on average per attack, and the share of attacks with any. */
  readonly owner_days_lost: number;
  readonly owner_lost_share: number;
  /** Times per attack the owner was refused and had to act, and support cases per attack. */
  readonly owner_refusals: number;
  readonly owner_support_cases: number;
  /** The refusal codes the copies met, with how often. */
  readonly codes: Record<string, number>;
}

const quantile = (xs: readonly number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

function row(cap: Capability, outcomes: readonly AttackOutcome[]): AttackRow {
  const codes: Record<string, number> = {};
  for (const o of outcomes) for (const c of o.codes) codes[c] = (codes[c] ?? 0) + 1;
  const n = outcomes.length;
  return {
    capability: cap.name,
    description: cap.description,
    rewritten_client: cap.rewritten,
    attacks: n,
    share_running: outcomes.filter((o) => o.ran).length / n,
    machine_days_median: quantile(
      outcomes.map((o) => o.copyDays),
      0.5,
    ),
    machine_days_p95: quantile(
      outcomes.map((o) => o.copyDays),
      0.95,
    ),
    owner_days_lost: outcomes.reduce((s, o) => s + o.ownerDaysLost, 0) / n,
    owner_lost_share: outcomes.filter((o) => o.ownerDaysLost > 0).length / n,
    owner_refusals: outcomes.reduce((s, o) => s + o.ownerRefusals, 0) / n,
    owner_support_cases: outcomes.reduce((s, o) => s + o.ownerSupport, 0) / n,
    codes,
  };
}

/**
 * Every capability `perCapability` times on the real server (retail policy: one device, 7-day lease, 14 days of
 * grace, three transfers a year), each attack on its own license, followed for `days` days.
 */
export async function runAttacks(seed: number, perCapability: number, days: number): Promise<AttackRow[]> {
  const server = await RealServer.start();
  const product = await server.product("Attacks");
  const policyId = await server.policy(product.id, RETAIL, "retail");
  const keys = await server.licenses(policyId, perCapability * capabilities.length);
  const rng = new Rng(seed, 4);
  const catalogue = makeCatalogue(new Rng(seed, 1), baseParams);
  const rows: AttackRow[] = [];
  let k = 0;
  for (const cap of capabilities) {
    const outcomes: AttackOutcome[] = [];
    const cls = cap.name.startsWith("vm") || cap.name.startsWith("validation") ? "vm" : "corporate-laptop";
    for (let i = 0; i < perCapability; i++) {
      const sku = popularSku(rng, catalogue, cls);
      const owner = newMachine(rng, sku, 1, {
        platform: "linux",
        noBoard: false,
        soldered: false,
        image: undefined,
      });
      const key = keys[k++];
      if (!key) throw new Error("not enough licenses");
      outcomes.push(await runAttack(server, key, product.salt, owner, cap, rng, days));
    }
    rows.push(row(cap, outcomes));
  }
  await server.close();
  return rows;
}
