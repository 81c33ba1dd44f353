import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  deviceSecretText,
  fingerprintBinding,
  newDeviceSecret,
  parseDeviceSecret,
  signDeviceProof,
} from "@ninsho/core";
import { randomFingerprint } from "./fixtures.js";

/** One request of a load run: where it goes and what it says. */
export interface Shot {
  readonly path: string;
  readonly body: string;
  /** Headers of this request besides the content type (e.g. a seat's secret). */
  readonly headers?: Readonly<Record<string, string>>;
}

const nonce = () => randomBytes(16).toString("base64url");

/** A share of the mixed run: 95% validations by lease, 4% by key, 1% new activations (a vendor's traffic). */
export const MIX = { lease: 0.95, key: 0.04, activate: 0.01 } as const;

/**
 * The requests clients of a seeded data set send, each over a license picked at random among all of them (not
 * a hot handful): validation by lease (what the SDK sends), by key, and activations of new machines on the
 * volume keys. Every body carries a fresh nonce, as a real client's would, and a validation carries the
 * device's proof (an HMAC-SHA256 by its device secret over the route, the body and the time), as the SDK's
 * does: the server checks one per validation.
 */
export class Traffic {
  private readonly keys: string[] = [];
  private readonly leases: string[] = [];
  private readonly fingerprints: string[] = [];
  private readonly deviceSecrets: string[] = [];
  private readonly volumeKeys: string[];
  private activations = 0;
  /** The device secret each activation registered, by the digest of its fingerprint (its answer names it). */
  private readonly registered = new Map<string, Buffer>();

  constructor(holdersFile: string, volumeFile: string) {
    for (const line of readFileSync(holdersFile, "utf8").split("\n")) {
      if (line === "") continue;
      const [key = "", lease = "", fingerprint = "", deviceSecret = ""] = line.split("\t");
      this.keys.push(key);
      this.leases.push(lease);
      this.fingerprints.push(fingerprint);
      this.deviceSecrets.push(deviceSecret);
    }
    this.volumeKeys = readFileSync(volumeFile, "utf8").split("\n").filter(Boolean);
    if (this.keys.length === 0 || this.volumeKeys.length === 0) throw new Error("empty bench seed");
  }

  get licenses(): number {
    return this.keys.length;
  }

  private pick(): number {
    return Math.floor(Math.random() * this.keys.length);
  }

  private signer(i: number): Buffer {
    const secret = parseDeviceSecret(this.deviceSecrets[i] ?? "");
    if (!secret) throw new Error(`bench seed holder ${i} has no device secret`);
    return secret;
  }

  /** A validation body of holder `i`, signed as its device. */
  private proven(i: number, by: { lease: string } | { key: string }): string {
    const body = { ...by, fingerprint: JSON.parse(this.fingerprints[i] ?? "{}") as unknown, nonce: nonce() };
    const proof = signDeviceProof(this.signer(i), { path: "/v1/validate", body, at: new Date() });
    return JSON.stringify({ ...body, proof });
  }

  readonly byLease = (): string => {
    const i = this.pick();
    return this.proven(i, { lease: this.leases[i] ?? "" });
  };

  readonly byKey = (): string => {
    const i = this.pick();
    return this.proven(i, { key: this.keys[i] ?? "" });
  };

  /**
   * A new machine on one of the volume keys (each takes any number of devices), registering the device secret it
   * makes, as the SDK's activation does.
   */
  readonly activation = (): string => {
    const fingerprint = randomFingerprint();
    const secret = newDeviceSecret();
    const body = {
      key: this.volumeKeys[this.activations++ % this.volumeKeys.length] ?? "",
      fingerprint,
      device: { name: "bench", platform: "linux" },
      deviceSecret: deviceSecretText(secret),
    };
    this.registered.set(fingerprintBinding(fingerprint), secret);
    const proof = signDeviceProof(secret, { path: "/v1/activations", body, at: new Date() });
    return JSON.stringify({ ...body, proof });
  };

  /** The device secret an activation of this run registered, by its answer's `fingerprintDigest` (taken once). */
  readonly deviceKeyFor = (fingerprintDigest: string): Buffer | undefined => {
    const key = this.registered.get(fingerprintDigest);
    this.registered.delete(fingerprintDigest);
    return key;
  };

  /** The mixed run's next request. */
  readonly mixed = (): Shot => {
    const draw = Math.random();
    if (draw < MIX.lease) return { path: "/v1/validate", body: this.byLease() };
    if (draw < MIX.lease + MIX.key) return { path: "/v1/validate", body: this.byKey() };
    return { path: "/v1/activations", body: this.activation() };
  };

  /** One fixed validation body, for the floors (the same size as what validate parses). */
  floorBody(): string {
    return this.byLease();
  }
}
