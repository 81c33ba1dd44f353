import type { Environment } from "../device.js";
import { OEM_WARRANTY_SHARE, warrantyDraws } from "../oem.js";
import { planFleet } from "../plan.js";
import { Rng } from "../prng.js";
import { environment, type FleetOptions, withDefaults } from "../simulate.js";
import { deviceLife, type Step } from "../timeline.js";
import { Owner } from "./owner.js";
import type { OwnerCounts } from "./ownerCounts.js";
import { type PolicyFields, RETAIL, RealServer } from "./server.js";

/**
 * Changes after which a matcher can go wrong. A device whose life has none of them only meets docks, BIOS and
 * RAM updates, collector releases and VM live migrations ("light"); devices with a reinstall, a reread, a NIC or
 * GPU change or a restore are "common"; devices with a board, disk or VM-identity change are "rare". Every
 * stratum gets the same number of devices, so the rare changes are seen often enough to measure.
 */
const HEAVY = new Set([
  "motherboard-replaced",
  "vm-move",
  "disk-replaced",
  "os-reinstall",
  "os-update-reread",
]);

export interface Stratum {
  readonly name: string;
  /** Devices of the population in this stratum, and the indexes sampled from it. */
  readonly population: number;
  readonly sampled: readonly number[];
}

/** Which stratum a device falls in: its class, and whether its life has a heavy change or a restore. */
function stratumOf(env: Environment, seed: number, index: number, plan: Parameters<typeof deviceLife>[2]) {
  const life = deviceLife(seed, index, plan, env);
  let heavy = false;
  for (const step of life.steps) {
    if (step.kind === "restore" || (step.kind === "refresh" && step.event && HEAVY.has(step.event)))
      heavy = true;
  }
  return `${plan.deviceClass}/${heavy ? "heavy" : "light"}`;
}

/**
 * A stratified sample of the fleet's first `population` devices: every stratum gets `perStratum` devices (all of
 * them when it has fewer), drawn without replacement by a seeded shuffle.
 */
export function stratify(options: Required<FleetOptions>, population: number, perStratum: number): Stratum[] {
  const env = environment(options);
  const plans = planFleet(options.seed, options.devices, env.catalogue, options.params);
  const members = new Map<string, number[]>();
  for (let i = 0; i < Math.min(population, plans.length); i++) {
    const plan = plans[i];
    if (!plan) continue;
    const name = stratumOf(env, options.seed, i, plan);
    members.set(name, [...(members.get(name) ?? []), i]);
  }
  const rng = new Rng(options.seed, 3);
  return [...members.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, ids]) => {
      const pool = [...ids];
      for (let i = pool.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
      }
      return { name, population: ids.length, sampled: pool.slice(0, perStratum).sort((a, b) => a - b) };
    });
}

/** One sampled device's life against the real server. */
interface Walker {
  readonly stratum: string;
  readonly owner: Owner;
  readonly steps: Generator<Step>;
  next: Step | undefined;
  /** Activated: its first refresh has been walked (steps before it find no installation and are skipped). */
  started: boolean;
}

export interface SampleRun {
  readonly strata: readonly Stratum[];
  /** Per sampled device: its stratum and what happened to it. */
  readonly devices: readonly { readonly stratum: string; readonly counts: OwnerCounts }[];
  readonly requests: number;
  readonly seconds: number;
}

/**
 * Walk every sampled device's life on one real server, all devices in time order (the server's clock only moves
 * forward), each on its own license of `policy`.
 */
export async function runSample(
  options: Required<FleetOptions>,
  strata: readonly Stratum[],
  policy: PolicyFields = RETAIL,
  progress?: (day: number) => void,
): Promise<SampleRun> {
  const started = performance.now();
  const env = environment(options);
  const plans = planFleet(options.seed, options.devices, env.catalogue, options.params);
  const server = await RealServer.start();
  const product = await server.product("Fleet");
  const policyId = await server.policy(product.id, policy, policy.channel);
  const all = strata.flatMap((s) => s.sampled.map((index) => ({ stratum: s.name, index })));
  const keys = await server.licenses(policyId, all.length);
  const walkers: Walker[] = [];
  for (const [n, { stratum, index }] of all.entries()) {
    const plan = plans[index];
    const key = keys[n];
    if (!plan || !key) continue;
    const life = deviceLife(options.seed, index, plan, env);
    const oem =
      policy.channel === "oem"
        ? {
            warranty: warrantyDraws(options.seed, index),
            share: OEM_WARRANTY_SHARE,
            newKey: async () => (await server.licenses(policyId, 1))[0] ?? "",
          }
        : undefined;
    const owner = new Owner(server, key, product.salt, oem);
    owner.counts.deviceYears = options.years;
    walkers.push({
      stratum,
      owner,
      steps: life.steps,
      next: life.steps.next().value ?? undefined,
      started: false,
    });
  }
  let requests = 0;
  const counting = server.post.bind(server);
  server.post = (...args) => {
    requests++;
    return counting(...args);
  };
  // One queue in time order, activations included: each device activates at its first refresh. (Activating every
  // device first moved the clock to the latest first refresh, up to weeks in, and ran every earlier step at that
  // one instant: six replacements' transfer codes fell in one hour.)
  let lastDay = 0;
  for (;;) {
    let first: Walker | undefined;
    for (const w of walkers) if (w.next && (!first?.next || w.next.day < first.next.day)) first = w;
    if (!first?.next) break;
    server.at(first.next.day);
    if (first.started) await first.owner.step(first.next);
    else if (first.next.kind === "refresh") {
      await first.owner.start(first.next);
      first.started = true;
    }
    if (first.next.day - lastDay >= 30) {
      lastDay = first.next.day;
      progress?.(lastDay);
    }
    first.next = first.steps.next().value ?? undefined;
  }
  await server.close();
  return {
    strata,
    devices: walkers.map((w) => ({ stratum: w.stratum, counts: w.owner.counts })),
    requests,
    seconds: (performance.now() - started) / 1000,
  };
}

export { withDefaults };
