import type { Sku } from "./catalogue.js";
import type { Setup } from "./machine.js";
import { type Params, scaled } from "./params.js";
import type { Org } from "./plan.js";
import type { Rng } from "./prng.js";

/**
 * The OS and storage of a new machine of `sku`: Macs among laptops (every one with soldered storage, its install
 * id the board's), Linux among physical machines (most apps without root, so no board), soldered storage on some
 * other thin laptops, and the office's image for a company that deploys one.
 */
export function newSetup(rng: Rng, sku: Sku, org: Org | undefined, params: Params): Setup {
  const cls = sku.deviceClass;
  const laptop = cls === "corporate-laptop" || cls === "consumer-laptop";
  if (cls === "vm") {
    const linux = rng.chance(0.5);
    return {
      platform: linux ? "linux" : "windows",
      noBoard: linux && rng.chance(scaled(0.9, params["linux-no-root"])),
      soldered: false,
      image: undefined,
    };
  }
  if (laptop && rng.chance(scaled(0.15, params["macos-share"]))) {
    return { platform: "macos", noBoard: false, soldered: true, image: undefined };
  }
  const linux = rng.chance(scaled(0.06, params["linux-share"]));
  return {
    platform: linux ? "linux" : "windows",
    noBoard: linux && rng.chance(scaled(0.9, params["linux-no-root"])),
    soldered: laptop && rng.chance(scaled(0.2, params["soldered-storage"])),
    image: linux ? undefined : org?.image,
  };
}
