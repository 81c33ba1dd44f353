import type { ComponentSet } from "@ninsho/core";
import { collectorChain } from "./collector.js";
import { type BuiltSet, buildComponentSet } from "./componentSet.js";
import { containerReadings } from "./container.js";
import { nodeSource } from "./nodeSource.js";
import { platformFor } from "./platforms.js";
import { type FingerprintSource, memoizeSource } from "./source.js";
import { COMPONENT_KINDS, type Environment, type FingerprintResult, type MissingReason } from "./types.js";

/**
 * Options of `collectFingerprint`.
 *
 * @example
 * const options: CollectOptions = { productSalt: "prod_01J...", containerId: process.env.POD_NAME ?? "" };
 */
export interface CollectOptions {
  /**
   * Salt of every digest: the product's fingerprint salt (`fingerprintSalt` of `GET /v1/admin/products/{id}`,
   * shipped with the app), so digests seen in transit or in a request file cannot be searched by hashing
   * candidate serials. The public product id still works as a salt, for apps built before salts existed, but
   * anyone can then test a guessed MAC against a digest.
   */
  readonly productSalt: string;
  /** `process.platform` by default; a test passes the platform its recorded machine ran. */
  readonly platform?: string;
  /** Where facts are read; the real machine (`nodeSource()`) by default. */
  readonly source?: FingerprintSource;
  /**
   * A stable id of this container, chosen by the vendor (a StatefulSet pod name, a volume's id); falls back
   * to the `NINSHO_CONTAINER_ID` environment variable. Setting one declares a container even where no
   * runtime evidence is visible (cgroup v2 hides most of it).
   */
  readonly containerId?: string;
}

const failedResult = (
  collector: string,
  environment: Environment,
  reason: MissingReason,
  detail: string,
) => ({
  fingerprint: { collector, components: [] },
  environment,
  unreadable: COMPONENT_KINDS.map((kind) => ({ kind, reason, detail })),
});

const errorName = (error: unknown): string => (error instanceof Error ? error.name : "non-error thrown");

/** Where the SDK runs; a check that fails costs the hint, never the fingerprint. */
const detectSafely = async (detect: () => Promise<Environment>): Promise<Environment> => {
  try {
    return await detect();
  } catch (error) {
    return { kind: "physical", hint: `unknown (detection failed: ${errorName(error)})` };
  }
};

const configuredContainerId = (options: CollectOptions, source: FingerprintSource): string | undefined => {
  const id = (options.containerId ?? source.env("NINSHO_CONTAINER_ID"))?.trim();
  return id === "" ? undefined : id;
};

/**
 * Read this machine's fingerprint: the current collector's set, the sets its predecessors would read
 * (`previous`), where it runs, and which kinds are missing and why. Never throws: what cannot be read is
 * absent and named in `unreadable`. Raw values never leave this function, only salted digests.
 *
 * @example
 * const { fingerprint, environment, unreadable } = await collectFingerprint({ productSalt: product.id });
 * // fingerprint.collector === "linux/2"; fingerprint.previous?.[0]?.collector === "linux/1"
 */
export async function collectFingerprint(options: CollectOptions): Promise<FingerprintResult> {
  const platformName = options.platform ?? process.platform;
  const platform = platformFor(platformName);
  if (platform === undefined) {
    const unsupported: Environment = { kind: "physical", hint: `unknown (no collector for ${platformName})` };
    return failedResult(
      "unsupported/0",
      unsupported,
      "unsupported-platform",
      `no collector for ${platformName}`,
    );
  }
  try {
    const source = memoizeSource(options.source ?? nodeSource());
    const containerId = configuredContainerId(options, source);
    let environment = await detectSafely(() => platform.detect(source));
    if (environment.kind !== "container" && containerId !== undefined) {
      environment = { kind: "container", hint: "containerId configured" };
    }
    const built: BuiltSet[] = [];
    for (const collector of collectorChain(platform.collector)) {
      const readings = await collector.read(source);
      const adjusted = environment.kind === "container" ? containerReadings(readings, containerId) : readings;
      built.push(buildComponentSet(collector.name, adjusted, options.productSalt));
    }
    const [current, ...predecessors] = built;
    if (current === undefined) throw new Error("a collector chain always holds its own collector");
    const previous: ComponentSet[] = predecessors.map((entry) => entry.set);
    const fingerprint = previous.length > 0 ? { ...current.set, previous } : current.set;
    return { fingerprint, environment, unreadable: current.unreadable };
  } catch (error) {
    // Only the error's name: a message may quote a raw value.
    const failed: Environment = { kind: "physical", hint: "unknown (collection failed)" };
    return failedResult(
      platform.collector.name,
      failed,
      "unreadable",
      `collection failed (${errorName(error)})`,
    );
  }
}
