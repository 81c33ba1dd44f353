import { randomBytes } from "node:crypto";
import {
  deviceSecretText,
  fingerprintDigest,
  type Locale,
  newDeviceSecret,
  type RelayLeaseClaims,
  signDeviceProof,
  type VolumeGrantClaims,
  verifyRelayLease,
} from "@ninsho/core";
import { explain, seed } from "../client/problem.js";
import { seatKeys } from "../seats/keys.js";
import {
  LAST_STATE_FILES,
  type LastRefusal,
  lastRefusal,
  lastStateNote,
  type RelayLastState,
} from "../seats/lastState.js";
import { type SeatTransport, sendSeatRequest } from "../seats/transport.js";
import type { SeatPublicKeys, SeatResult } from "../seats/types.js";
import { discoverRelay, type RelayLocation } from "./discover.js";

/**
 * How a relay client is set up: where the relay is, the vendor's keys the app pins (the relay's leases are
 * believed only through a grant they signed), the product, and this machine.
 * @example
 * const options: RelayClientOptions = { relay: { domain: "plant4.local" }, publicKeys: jwks, productId, machine };
 */
export interface RelayClientOptions {
  readonly relay: RelayLocation;
  readonly publicKeys: SeatPublicKeys;
  readonly productId: string;
  readonly machine: {
    readonly fingerprint: {
      readonly collector: string;
      readonly components: readonly { readonly kind: string; readonly digest: string }[];
    };
    readonly device: { readonly name: string; readonly platform: string };
  };
  /** This machine's device secret, kept by the app between runs (a new one is made when absent). */
  readonly deviceSecret?: Buffer;
  /**
   * The SDK state folder: when given, the client keeps what it last saw there (`relay.last.json`: how the relay
   * was found, the grant chain, renew-by and offline end, the last refusal) for `ninsho device doctor` to
   * explain. Nothing is granted from that file.
   */
  readonly stateDir?: string;
  readonly locale?: Locale;
  readonly timeoutMs?: number;
  /** Milliseconds since the epoch (default `Date.now`); tests move it. */
  readonly now?: () => number;
}

/**
 * A relay lease held, verified up the chain to the vendor's key.
 * @example
 * if (held.lease.exp * 1000 > Date.now()) run();
 */
export interface RelayHeld {
  readonly lease: RelayLeaseClaims;
  readonly grant: VolumeGrantClaims;
  /** The texts, for the app to keep between runs. */
  readonly token: { readonly lease: string; readonly grant: string };
}

/**
 * What the app may do now: run until `runsUntil` (the lease's offline end, however long the relay is down),
 * renew by `renewBy`.
 * @example
 * const { running, runsUntil } = relay.status();
 */
export interface RelayStatus {
  readonly running: boolean;
  readonly renewBy?: string;
  readonly runsUntil?: string;
  readonly grantId?: string;
}

/**
 * The SDK's side of an on-premises relay.
 * @example
 * const relay = createRelayClient({ relay: { domain: "plant4.local" }, publicKeys: jwks, productId, machine });
 * const held = await relay.activate();
 * if (!held.ok) console.error(held.problem.message);
 */
export interface RelayClient {
  /** Activate against the relay (the same machine again gets its slot back). */
  activate(): Promise<SeatResult<RelayHeld>>;
  /** Renew the lease held; the relay down leaves the lease as it was (check `status`). */
  renew(): Promise<SeatResult<RelayHeld>>;
  /** What the app may do now, from the lease held (no request). */
  status(): RelayStatus;
  /** The device secret in use, for the app to keep between runs. */
  readonly deviceSecret: Buffer;
}

/**
 * Make a relay client.
 * @example
 * const relay = createRelayClient({ relay: { relayUrl: "http://10.0.0.5:8787" }, publicKeys: jwks, productId, machine });
 */
export function createRelayClient(options: RelayClientOptions): RelayClient {
  const locale = options.locale ?? "en";
  const now = options.now ?? Date.now;
  const keys = seatKeys(options.publicKeys);
  const secret = options.deviceSecret ?? newDeviceSecret();
  const fpd = fingerprintDigest(options.machine.fingerprint.components);
  let held: RelayHeld | undefined;
  const foundBy = "relayUrl" in options.relay ? "config" : "srv";
  const note = lastStateNote<RelayLastState>(options.stateDir, LAST_STATE_FILES.relay);
  /** Note what was seen, with the lease held (if any) beside it: an outage leaves the lease running. */
  const remember = (url: string, chainValid: boolean, refused?: LastRefusal) => {
    const lease = held === undefined ? {} : leaseTimes(held);
    const why = refused === undefined ? {} : { refused };
    const writtenAt = new Date(now()).toISOString();
    return note.write({ version: 1, writtenAt, foundBy, url, chainValid, ...lease, ...why });
  };

  const send = async (path: string, body: Record<string, unknown>): Promise<SeatResult<RelayHeld>> => {
    const url = await discoverRelay(options.relay, locale);
    if (!url.ok) {
      const where = "relayUrl" in options.relay ? options.relay.relayUrl : `SRV ${options.relay.domain}`;
      await remember(where, held !== undefined, lastRefusal(url.problem));
      return url;
    }
    const transport: SeatTransport = {
      serverUrl: url.value,
      keys,
      locale,
      timeoutMs: options.timeoutMs ?? 10_000,
    };
    const prove = (p: string, b: Record<string, unknown>) =>
      signDeviceProof(secret, { path: p, body: b, at: new Date(now()) });
    const answer = await sendSeatRequest(transport, { method: "POST", path, body, signed: false, prove });
    if (!answer.ok) {
      await remember(url.value, held !== undefined, lastRefusal(answer.problem));
      return answer;
    }
    const token = { lease: String(answer.value.lease), grant: String(answer.value.grant) };
    const chain = verifyRelayLease(token, keys, options.productId);
    // A relay without the vendor's grant, or a lease for another machine, is no answer at all.
    if (!chain.ok || chain.value.lease.fpd !== fpd) {
      const problem = explain(seed("RESPONSE_SIGNATURE_INVALID"), locale);
      await remember(url.value, false, lastRefusal(problem));
      return { ok: false, problem };
    }
    held = { ...chain.value, token };
    await remember(url.value, true);
    return { ok: true, value: held };
  };

  return {
    deviceSecret: secret,
    activate: () =>
      send("/v1/activations", {
        fingerprint: options.machine.fingerprint,
        device: options.machine.device,
        deviceSecret: deviceSecretText(secret),
      }),
    async renew() {
      if (!held) return { ok: false, problem: explain(seed("NOT_ACTIVATED"), locale) };
      const body = { lease: held.token.lease, nonce: randomBytes(18).toString("base64url") };
      const renewed = await send("/v1/renewals", body);
      // A relay restored from an old backup asks the device to prove its secret to be restored into its slot.
      const restorable =
        !renewed.ok && (renewed.problem.details as { restorable?: unknown } | undefined)?.restorable;
      if (restorable !== true) return renewed;
      return send("/v1/renewals", { ...body, deviceSecret: deviceSecretText(secret) });
    },
    status() {
      if (!held) return { running: false };
      return {
        running: now() < held.lease.exp * 1000 && now() >= held.lease.iat * 1000 - 5 * 60_000,
        ...leaseTimes(held),
      };
    },
  };
}

/** The held lease's renew-by, offline end and grant, as the status and the last-state file give them. */
function leaseTimes(held: RelayHeld): { renewBy: string; runsUntil: string; grantId: string } {
  const iso = (s: number) => new Date(s * 1000).toISOString();
  return { renewBy: iso(held.lease.lxp), runsUntil: iso(held.lease.exp), grantId: held.grant.jti };
}
