import { randomBytes } from "node:crypto";
import {
  type ComponentSet,
  deviceSecretText,
  type Fingerprint,
  fingerprintBinding,
  newDeviceSecret,
  signDeviceProof,
} from "@ninsho/core";
import { componentDigest } from "@ninsho/sdk";
import type { RealServer, Reply } from "./server.js";

/**
 * What the SDK sends for a simulated machine: each component digested by the SDK's own `componentDigest` under
 * the product's salt (the simulator's component values stand for the normalised readings).
 */
export function wireFingerprint(fp: Fingerprint, salt: string): Fingerprint {
  const digest = (set: ComponentSet): ComponentSet => ({
    collector: set.collector,
    components: set.components.map((c) => ({
      kind: c.kind,
      digest: componentDigest(salt, c.kind, c.digest),
    })),
  });
  const current = digest(fp);
  return fp.previous ? { ...current, previous: fp.previous.map(digest) } : current;
}

/** What one request came to, as the app on the machine sees it. */
export interface Outcome {
  /** The app may run: a lease was issued or kept. */
  readonly ok: boolean;
  /** The refusal's code (a signed `valid: false`, or an error answer), when not ok. */
  readonly code?: string;
  readonly status: number;
  /** On DEVICE_LIMIT_REACHED: the devices holding the slots. */
  readonly devices?: readonly string[];
}

const nonce = (): string => randomBytes(16).toString("base64url");

function refusal(reply: Reply): Outcome {
  const error = reply.body.error as { code?: string; details?: { devices?: { id: string }[] } } | undefined;
  const problem = reply.body.problem as { code?: string } | undefined;
  const code = error?.code ?? problem?.code ?? `HTTP_${reply.status}`;
  const devices = error?.details?.devices?.map((d) => d.id);
  return { ok: false, code, status: reply.status, ...(devices ? { devices } : {}) };
}

/**
 * The app on one machine, speaking the SDK's wire protocol to the real server: it holds the key, its lease and
 * its device secret, proves every request that acts as the device (HMAC, `signDeviceProof`) and, like the SDK,
 * takes an answer only when it is bound to the fingerprint it sent (a relay's answer is refused).
 */
export class Installation {
  deviceId: string | undefined;
  /** The license the server activated this installation on (from its signed answer). */
  licenseId: string | undefined;
  lease: string | undefined;
  secret: Buffer | undefined;
  /** A rewritten client that does not check the answer's fingerprint binding (a relay). */
  trustsAnyAnswer = false;

  constructor(
    readonly server: RealServer,
    readonly key: string,
    readonly salt: string,
  ) {}

  /** An exact copy of this installation's state folder and device secret (a cloned disk or VM). */
  clone(): Installation {
    const copy = new Installation(this.server, this.key, this.salt);
    copy.deviceId = this.deviceId;
    copy.licenseId = this.licenseId;
    copy.lease = this.lease;
    copy.secret = this.secret;
    return copy;
  }

  private proven(path: string, body: Record<string, unknown>, secret: Buffer | undefined) {
    return secret ? { ...body, proof: signDeviceProof(secret, { path, body, at: this.server.now }) } : body;
  }

  private bound(reply: Reply, sent: Fingerprint): boolean {
    return this.trustsAnyAnswer || reply.body.fingerprintDigest === fingerprintBinding(sent);
  }

  /** Activate by key (sending the held lease, as the SDK does); registers the held or a new secret. */
  async activate(fp: Fingerprint): Promise<Outcome> {
    const fingerprint = wireFingerprint(fp, this.salt);
    this.secret ??= newDeviceSecret();
    const body = {
      key: this.key,
      fingerprint,
      device: { name: "fleet", platform: "linux" },
      ...(this.lease ? { lease: this.lease } : {}),
      deviceSecret: deviceSecretText(this.secret),
    };
    const reply = await this.server.post(
      "/v1/activations",
      this.proven("/v1/activations", body, this.secret),
    );
    if (reply.status !== 200 && reply.status !== 201) return refusal(reply);
    if (!this.bound(reply, fingerprint))
      return { ok: false, code: "ANSWER_FOR_ANOTHER", status: reply.status };
    this.deviceId = String((reply.body.device as { id: string }).id);
    this.licenseId = (reply.body.license as { id?: string } | undefined)?.id ?? this.licenseId;
    this.lease = String(reply.body.lease);
    return { ok: true, status: reply.status };
  }

  /** A refresh by lease, proven by the device secret. */
  async validate(fp: Fingerprint): Promise<Outcome> {
    if (!this.lease) return { ok: false, code: "NOT_ACTIVATED", status: 0 };
    const fingerprint = wireFingerprint(fp, this.salt);
    const body = { lease: this.lease, fingerprint, nonce: nonce() };
    const reply = await this.server.post("/v1/validate", this.proven("/v1/validate", body, this.secret));
    if (reply.status !== 200 || reply.body.valid !== true) return refusal(reply);
    if (!this.bound(reply, fingerprint)) return { ok: false, code: "ANSWER_FOR_ANOTHER", status: 200 };
    if (typeof reply.body.lease === "string") this.lease = reply.body.lease;
    return { ok: true, status: 200 };
  }

  /** A validation by key (no lease held), with a proof when the installation holds a secret. */
  async validateByKey(fp: Fingerprint): Promise<Outcome> {
    const fingerprint = wireFingerprint(fp, this.salt);
    const body = { key: this.key, fingerprint, nonce: nonce() };
    const reply = await this.server.post("/v1/validate", this.proven("/v1/validate", body, this.secret));
    if (reply.status !== 200 || reply.body.valid !== true || typeof reply.body.lease !== "string")
      return refusal(reply);
    if (!this.bound(reply, fingerprint)) return { ok: false, code: "ANSWER_FOR_ANOTHER", status: 200 };
    this.lease = reply.body.lease;
    return { ok: true, status: 200 };
  }

  /**
   * Self-service transfer of the license from `replacesDeviceId` to this machine, with a new secret, proven by
   * the code mailed to the license's owner (`undefined`: the key alone, which the server refuses).
   */
  async transfer(fp: Fingerprint, replacesDeviceId: string, code?: string): Promise<Outcome> {
    const fingerprint = wireFingerprint(fp, this.salt);
    this.secret ??= newDeviceSecret();
    const body = {
      key: this.key,
      ...(code === undefined ? {} : { code }),
      replacesDeviceId,
      fingerprint,
      device: { name: "fleet", platform: "linux" },
      deviceSecret: deviceSecretText(this.secret),
    };
    const reply = await this.server.post("/v1/transfers", this.proven("/v1/transfers", body, this.secret));
    if (reply.status !== 201) return refusal(reply);
    if (!this.bound(reply, fingerprint))
      return { ok: false, code: "ANSWER_FOR_ANOTHER", status: reply.status };
    this.deviceId = String((reply.body.device as { id: string }).id);
    this.lease = String(reply.body.lease);
    return { ok: true, status: 201 };
  }
}
