import type { Component, Locale } from "@ninsho/core";
import {
  type ClientStatus,
  describeKeySource,
  type Environment,
  type KeySource,
  type UnreadableKind,
} from "@ninsho/sdk";
import { when } from "../../admin/format.js";
import type { DeviceConfig } from "../config.js";
import type { Machine } from "../machine.js";
import type { DeviceMessages } from "../messages/index.js";
import { keyDigest, type Trust } from "../trust.js";
import type { Pair } from "./status.js";

/**
 * What `status --verbose` adds: where the key came from, the folder, the server and the keys trusted, and
 * this machine's fingerprint by kind (salted digests only), its collector and environment.
 * @example
 * const facts = verboseFacts(config, status, session.trust, await session.readMachine(), "en");
 */
export interface VerboseFacts {
  readonly keySource?: KeySource & { readonly description: string };
  readonly dir: string;
  readonly url: string;
  readonly trust: {
    readonly origin: "given" | "server" | "none";
    readonly url?: string;
    readonly pinnedAt?: string;
    readonly keys: readonly { readonly kid?: string; readonly sha256: string }[];
  };
  readonly machine: {
    readonly source: Machine["source"];
    readonly collector: string;
    readonly previousCollectors: readonly string[];
    readonly environment: Environment;
    readonly components: readonly Component[];
    readonly unreadable: readonly UnreadableKind[];
  };
  readonly lastDecision?: ClientStatus["lastDecision"];
  /** The test-only clock override, when set. */
  readonly clock?: string;
}

/**
 * @example
 * const facts = verboseFacts(config, status, trust, machine, "ja");
 */
export function verboseFacts(
  config: DeviceConfig,
  status: ClientStatus,
  trust: Trust | undefined,
  machine: Machine,
  locale: Locale,
): VerboseFacts {
  const { fingerprint } = machine;
  return {
    ...(status.keySource
      ? { keySource: { ...status.keySource, description: describeKeySource(status.keySource, locale) } }
      : {}),
    dir: config.dir,
    url: config.url,
    trust: {
      origin: trust?.origin ?? "none",
      ...(trust?.url === undefined ? {} : { url: trust.url }),
      ...(trust?.pinnedAt === undefined ? {} : { pinnedAt: trust.pinnedAt }),
      keys: (trust?.keys ?? []).map((key) => ({
        ...(typeof key === "object" && key.kid !== undefined ? { kid: key.kid } : {}),
        sha256: keyDigest(key),
      })),
    },
    machine: {
      source: machine.source,
      collector: fingerprint.collector,
      previousCollectors: (fingerprint.previous ?? []).map((set) => set.collector),
      environment: machine.environment,
      components: fingerprint.components.map(({ kind, digest }) => ({ kind, digest })),
      unreadable: machine.unreadable,
    },
    ...(status.lastDecision ? { lastDecision: status.lastDecision } : {}),
    ...(config.clockOverridden ? { clock: status.checkedAt } : {}),
  };
}

/**
 * The label–value pairs of the verbose facts, after the status's own.
 * @example
 * renderPairs([...statusPairs(status, m, "en"), ...verbosePairs(facts, m)]);
 */
export function verbosePairs(facts: VerboseFacts, m: DeviceMessages): Pair[] {
  const { trust, machine } = facts;
  const trustText =
    trust.origin === "none"
      ? m.trustNone
      : trust.origin === "given"
        ? m.trustGiven
        : m.trustServer(trust.url ?? "?", when(trust.pinnedAt ?? "?"));
  const keys = trust.keys.map((key) => `${key.kid ?? "(no kid)"} SHA-256 ${key.sha256}`);
  const collector =
    machine.previousCollectors.length === 0
      ? machine.collector
      : `${machine.collector} (+ ${machine.previousCollectors.join(", ")})`;
  const components = machine.components.map((c) => `${c.kind.padEnd(10)} ${c.digest.slice(0, 16)}…`);
  const unreadable = machine.unreadable.map((u) => `${u.kind}: ${u.detail}`);
  const decision = facts.lastDecision;
  return [
    [m.label("keySource"), facts.keySource?.description],
    [m.label("folder"), facts.dir],
    [m.label("server"), facts.url],
    [m.label("trust"), [trustText, ...keys].join("\n")],
    [m.label("collector"), collector],
    [m.label("environment"), `${machine.environment.kind} — ${machine.environment.hint}`],
    [m.label("fingerprint"), components.length === 0 ? m.none : components.join("\n")],
    [m.label("notRead"), unreadable.length === 0 ? undefined : unreadable.join("\n")],
    [
      m.label("lastDecision"),
      decision ? `${decision.by}: ${decision.outcome} (${when(decision.at)})` : undefined,
    ],
    [m.label("clock"), facts.clock === undefined ? undefined : m.clockOverridden(when(facts.clock))],
  ];
}
