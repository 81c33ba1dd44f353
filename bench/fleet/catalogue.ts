import { type Params, scaled } from "./params.js";
import { type Rng, zipfIndex } from "./prng.js";

export const deviceClasses = ["corporate-laptop", "consumer-laptop", "desktop", "vm"] as const;
export type DeviceClass = (typeof deviceClasses)[number];

/** Share of the fleet in each class: a vendor of business desktop software, sold to companies and people. */
export const classShare: readonly (readonly [DeviceClass, number])[] = [
  ["corporate-laptop", 0.45],
  ["consumer-laptop", 0.2],
  ["desktop", 0.2],
  ["vm", 0.15],
];

/** The class shares with the VM share scaled and the physical classes keeping their proportions. */
export function classShares(params: Params): readonly (readonly [DeviceClass, number])[] {
  const vm = scaled(0.15, params["vm-share"]);
  return classShare.map(([c, s]) => [c, c === "vm" ? vm : (s / 0.85) * (1 - vm)] as const);
}

/**
 * A model (SKU). Model-level facts are the same on every unit of the model: a corporate order of 500 identical
 * laptops shares board model, CPU model, GPU model, RAM size and disk model, and only unit facts tell them apart.
 */
export interface Sku {
  readonly id: number;
  readonly deviceClass: DeviceClass;
  readonly boardModel: number;
  readonly cpuModel: number;
  readonly gpuModel: number;
  readonly ramGb: number;
  readonly diskModel: number;
  readonly diskCount: number;
  /** Optical drive model for the XP-style rule; 0 when the model has none. */
  readonly optical: number;
  /** An Ethernet or Wi-Fi chip soldered to the board (false: a replaceable M.2 Wi-Fi card only). */
  readonly boardTiedNic: boolean;
  /** White-box boards that ship with a placeholder serial ("Default string"), which the collector leaves out. */
  readonly placeholderSerial: boolean;
}

const RAM: Readonly<Record<DeviceClass, readonly (readonly [number, number])[]>> = {
  "corporate-laptop": [
    [8, 2],
    [16, 6],
    [32, 2],
  ],
  "consumer-laptop": [
    [8, 4],
    [16, 5],
    [32, 1],
  ],
  desktop: [
    [16, 4],
    [32, 4],
    [64, 1],
  ],
  vm: [
    [4, 2],
    [8, 4],
    [16, 3],
    [32, 2],
    [64, 1],
  ],
};

/** Model ids are drawn from small pools with popular models: many different laptops share one CPU or GPU model. */
export function makeSku(rng: Rng, id: number, deviceClass: DeviceClass, params: Params): Sku {
  const vm = deviceClass === "vm";
  const laptop = deviceClass !== "desktop" && !vm;
  const whiteBox = deviceClass === "desktop" && rng.chance(0.3);
  return {
    id,
    deviceClass,
    // Hypervisors present one virtual board model per platform; white-box desktops use retail boards.
    boardModel: vm ? 900 + rng.int(4) : whiteBox ? 500 + zipfIndex(rng, 80) : 1000 + id,
    cpuModel: vm ? 200 + zipfIndex(rng, 12) : laptop ? zipfIndex(rng, 40) : 20 + zipfIndex(rng, 40),
    gpuModel: vm ? 99 : laptop ? zipfIndex(rng, 12, 1.3) : zipfIndex(rng, 30),
    ramGb: rng.weighted(RAM[deviceClass]),
    diskModel: vm ? 950 + rng.int(4) : zipfIndex(rng, 40),
    diskCount: deviceClass === "desktop" && rng.chance(0.4) ? 2 : 1,
    optical: deviceClass === "desktop" && rng.chance(0.3) ? 1 + zipfIndex(rng, 10) : vm ? 90 : 0,
    boardTiedNic: vm || deviceClass === "desktop" || rng.chance(0.7),
    placeholderSerial: whiteBox && rng.chance(scaled(0.25, params["serial-unreadable"])),
  };
}

/** SKU counts per class: a business line has fewer, longer-lived models than the consumer market. */
const SKU_COUNT: Readonly<Record<DeviceClass, number>> = {
  "corporate-laptop": 200,
  "consumer-laptop": 800,
  desktop: 600,
  vm: 30,
};

export interface Catalogue {
  readonly skus: Readonly<Record<DeviceClass, readonly Sku[]>>;
}

export function makeCatalogue(rng: Rng, params: Params): Catalogue {
  let next = 0;
  const build = (c: DeviceClass): Sku[] =>
    Array.from({ length: SKU_COUNT[c] }, () => makeSku(rng, next++, c, params));
  return {
    skus: {
      "corporate-laptop": build("corporate-laptop"),
      "consumer-laptop": build("consumer-laptop"),
      desktop: build("desktop"),
      vm: build("vm"),
    },
  };
}

/** A model of the class, popular ones more often. */
export function popularSku(rng: Rng, catalogue: Catalogue, deviceClass: DeviceClass): Sku {
  const skus = catalogue.skus[deviceClass];
  const sku = skus[zipfIndex(rng, skus.length, 0.9)];
  if (!sku) throw new Error(`no models of class ${deviceClass}`);
  return sku;
}
