/**
 * Test machines and a hand-moved clock, shared by the SDK's tests and the attack suite: one name is always
 * one machine, and the clock starts at the real time because the real server signs with real time.
 */
import { createHash } from "node:crypto";
import type { Fingerprint } from "@ninsho/core";

/** A machine's fingerprint: stable digests derived from its name, so one name is always one machine. */
export function machine(name: string): Fingerprint {
  const digest = (kind: string) => createHash("sha256").update(`${name}:${kind}`).digest("hex");
  const kinds = ["board", "disk", "mac", "os-install", "cpu", "ram"];
  return { collector: "test/1", components: kinds.map((kind) => ({ kind, digest: digest(kind) })) };
}

/** A clock the test moves; starts at the real time, because the real server signs with real time. */
export function testClock(start = Date.now()) {
  let at = start;
  return {
    now: () => at,
    set: (ms: number) => {
      at = ms;
    },
    advance: (ms: number) => {
      at += ms;
    },
  };
}
