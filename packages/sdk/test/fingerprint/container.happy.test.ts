import { compareFingerprint, DEFAULT_MATCH_THRESHOLD, defaultComponentWeights } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { alteredSource, fixtureSource } from "./fixtureSource.js";
import { collectFixture, digestOf, digestsOf, kindCounts } from "./helpers.js";

const CONTAINER = "linux/docker-container";

describe("a Docker container", () => {
  it("is detected from /.dockerenv", async () => {
    const { environment } = await collectFixture(CONTAINER);
    expect(environment).toEqual({ kind: "container", hint: "docker (/.dockerenv)" });
  });

  it("takes its identity from the configured containerId, not the host's board, disk or per-run NIC", async () => {
    const { fingerprint, unreadable } = await collectFixture(CONTAINER, { containerId: "billing-worker-3" });
    expect(kindCounts(fingerprint)).toEqual({ cpu: 1, gpu: 1, "os-install": 1, ram: 1 });
    expect(digestsOf(fingerprint, "os-install")).toEqual([digestOf("os-install", "billing-worker-3")]);
    expect(unreadable.map(({ kind, reason }) => [kind, reason])).toEqual([
      ["board", "container"],
      ["disk", "container"],
      ["mac", "container"],
    ]);
  });

  it("reads NINSHO_CONTAINER_ID when no option is given", async () => {
    const source = fixtureSource(CONTAINER, { NINSHO_CONTAINER_ID: "billing-worker-3" });
    const { fingerprint } = await collectFixture(CONTAINER, { source });
    expect(digestsOf(fingerprint, "os-install")).toEqual([digestOf("os-install", "billing-worker-3")]);
  });

  it("prefers the option to the environment variable", async () => {
    const source = fixtureSource(CONTAINER, { NINSHO_CONTAINER_ID: "from-env" });
    const { fingerprint } = await collectFixture(CONTAINER, { source, containerId: "from-option" });
    expect(digestsOf(fingerprint, "os-install")).toEqual([digestOf("os-install", "from-option")]);
  });

  it("is the same device on every run and after rescheduling to another host, given the same id", async () => {
    const first = await collectFixture(CONTAINER, { containerId: "billing-worker-3" });
    // Another host: a different CPU and twice the memory; the container keeps its id.
    const otherHost = alteredSource(fixtureSource(CONTAINER), {
      files: {
        "/proc/cpuinfo": "processor\t: 0\nmodel name\t: Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz\n",
        "/proc/meminfo": "MemTotal:       65652812 kB\n",
      },
    });
    const moved = await collectFixture(CONTAINER, { containerId: "billing-worker-3", source: otherHost });
    const again = await collectFixture(CONTAINER, { containerId: "billing-worker-3" });
    expect(again.fingerprint).toEqual(first.fingerprint);
    const match = compareFingerprint(
      first.fingerprint.components,
      moved.fingerprint,
      defaultComponentWeights,
      DEFAULT_MATCH_THRESHOLD,
    );
    expect(match.sameDevice).toBe(true);
  });

  it("tells two containers on one host apart by their ids", async () => {
    const a = await collectFixture(CONTAINER, { containerId: "billing-worker-1" });
    const b = await collectFixture(CONTAINER, { containerId: "billing-worker-2" });
    const match = compareFingerprint(
      a.fingerprint.components,
      b.fingerprint,
      defaultComponentWeights,
      DEFAULT_MATCH_THRESHOLD,
    );
    expect(match.sameDevice).toBe(false);
  });

  it("treats a configured id as a container even where no runtime evidence is visible", async () => {
    const { environment, fingerprint } = await collectFixture("linux/desktop-asrock", {
      containerId: "edge-7",
    });
    expect(environment).toEqual({ kind: "container", hint: "containerId configured" });
    expect(digestsOf(fingerprint, "os-install")).toEqual([digestOf("os-install", "edge-7")]);
    expect(digestsOf(fingerprint, "board")).toEqual([]);
  });
});

describe("other container runtimes", () => {
  const base = fixtureSource(CONTAINER);
  const withoutDockerenv = (files: Record<string, string>) =>
    alteredSource(base, { deny: /^\/\.dockerenv$/, files });

  it("detects Podman from /run/.containerenv", async () => {
    const source = withoutDockerenv({ "/run/.containerenv": 'engine="podman-4.9.3"\n' });
    const { environment } = await collectFixture(CONTAINER, { source });
    expect(environment).toEqual({ kind: "container", hint: "podman (/run/.containerenv)" });
  });

  it("detects Kubernetes from a cgroup v1 path of PID 1", async () => {
    const cgroup =
      "12:memory:/kubepods/burstable/pod5f1c/0d3f9a\n11:cpu,cpuacct:/kubepods/burstable/pod5f1c/0d3f9a\n";
    const source = withoutDockerenv({ "/proc/1/cgroup": cgroup });
    const { environment } = await collectFixture(CONTAINER, { source });
    expect(environment).toEqual({ kind: "container", hint: "kubernetes (/proc/1/cgroup)" });
  });

  it("detects Kubernetes under cgroup v2 from its service variable", async () => {
    const source = alteredSource(fixtureSource(CONTAINER, { KUBERNETES_SERVICE_HOST: "10.96.0.1" }), {
      deny: /^\/\.dockerenv$/,
    });
    const { environment } = await collectFixture(CONTAINER, { source });
    expect(environment).toEqual({ kind: "container", hint: "kubernetes (KUBERNETES_SERVICE_HOST)" });
  });
});
