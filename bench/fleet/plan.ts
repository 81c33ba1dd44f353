import { type Catalogue, classShares, type DeviceClass, popularSku, type Sku } from "./catalogue.js";
import { type Params, scaled } from "./params.js";
import { Rng } from "./prng.js";

/** A customer company: it standardises on a few models, buys hundreds of each, and refreshes to a newer one. */
export interface Org {
  readonly id: number;
  readonly skus: readonly Sku[];
  readonly refreshSku: Sku;
  /** Shared desks: a laptop docks on whichever of the office's docks is free. */
  readonly hotDesk: boolean;
  /** The install id of the company's one disk image, when it deploys one without regenerating the id. */
  readonly image: string | undefined;
}

export interface DevicePlan {
  readonly deviceClass: DeviceClass;
  readonly sku: Sku;
  readonly org: Org | undefined;
}

/** Company sizes (licensed laptops), heavy-tailed as B2B customer lists are. */
const ORG_SIZES: readonly (readonly [number, number])[] = [
  [20, 4],
  [100, 4],
  [400, 2],
  [1500, 1],
];

/** Assign every device a class, a model and (for corporate laptops) a company. Depends only on the seed. */
export const planFleet = (
  seed: number,
  devices: number,
  catalogue: Catalogue,
  params: Params,
): DevicePlan[] => Array.from(fleetPlans(seed, devices, catalogue, params));

/**
 * The plans of `planFleet` one at a time, in device order: all come from one sequential stream, so a range of
 * the fleet is reached by walking the ones before it, without keeping a million plans (100 MB) in memory.
 */
export function* fleetPlans(
  seed: number,
  devices: number,
  catalogue: Catalogue,
  params: Params,
): Generator<DevicePlan> {
  const classShare = classShares(params);
  const rng = new Rng(seed, 2);
  let org: Org | undefined;
  let seats = 0;
  let orgs = 0;
  for (let i = 0; i < devices; i++) {
    const deviceClass = rng.weighted(classShare);
    if (deviceClass !== "corporate-laptop") {
      yield { deviceClass, sku: popularSku(rng, catalogue, deviceClass), org: undefined };
      continue;
    }
    if (!org || seats === 0) {
      const skus = Array.from({ length: 1 + rng.int(3) }, () => popularSku(rng, catalogue, deviceClass));
      const refreshSku = popularSku(rng, catalogue, deviceClass);
      const hotDesk = rng.chance(0.4);
      const image = rng.chance(scaled(0.3, params["office-image"])) ? `image-${orgs}` : undefined;
      org = { id: orgs++, skus, refreshSku, hotDesk, image };
      seats = rng.weighted(ORG_SIZES);
    }
    seats--;
    yield { deviceClass, sku: rng.pick(org.skus), org };
  }
}
