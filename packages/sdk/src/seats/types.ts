import type { KeyObject } from "node:crypto";
import type { Locale } from "@ninsho/core";
import type { ClientProblem } from "../client/problem.js";

/**
 * Who holds the seat: this machine (a floating license; the fingerprint as the SDK's collectors read it, the
 * same as for an activation), or this workload (a workload license; the pod, task or instance id your
 * deployment gives, e.g. `process.env.HOSTNAME` in Kubernetes).
 *
 * @example
 * const holder: SeatHolder = { workload: { id: process.env.HOSTNAME ?? "local", kind: "pod" } };
 */
export type SeatHolder =
  | {
      readonly fingerprint: {
        readonly collector: string;
        readonly components: readonly { readonly kind: string; readonly digest: string }[];
      };
      readonly device: { readonly name: string; readonly platform: string };
    }
  | { readonly workload: { readonly id: string; readonly kind?: string } };

/**
 * The product's public keys as the server publishes them (`/.well-known/jwks.json`), or keys by kid.
 *
 * @example
 * const keys: SeatPublicKeys = await (await fetch(`${url}/.well-known/jwks.json`)).json();
 */
export type SeatPublicKeys =
  | {
      readonly keys: readonly {
        readonly kid: string;
        readonly x: string;
        readonly kty?: string;
        readonly crv?: string;
      }[];
    }
  | ReadonlyMap<string, KeyObject>;

/**
 * How a seat client is set up.
 *
 * @example
 * const options: SeatClientOptions = { serverUrl, productKey, publicKeys: jwks, holder: { workload: { id: "pod-1" } } };
 */
export interface SeatClientOptions {
  /** The activation server, e.g. `https://activation.example.com`. */
  readonly serverUrl: string;
  /** The floating or workload license's product key. */
  readonly productKey: string;
  /** The product's public keys: every answer and seat lease is verified against them. */
  readonly publicKeys: SeatPublicKeys;
  readonly holder: SeatHolder;
  /** Borrow the seat offline for this many days (floating policies that allow it) instead of heartbeating. */
  readonly borrowDays?: number;
  /**
   * The holder's device secret (32 bytes), e.g. the one the app keeps for its relay client; a new one is made
   * for the process when absent. Heartbeats and the return are proven with it.
   */
  readonly deviceSecret?: Buffer;
  /**
   * The SDK state folder (the client's `storageDir`): when given, the client keeps what it last saw there
   * (`seat.last.json`: the seat held, the runway while heartbeats fail, the last refusal) for
   * `ninsho device doctor` to explain. Nothing is granted from that file.
   */
  readonly stateDir?: string;
  /** Language of problems (default `en`). */
  readonly locale?: Locale;
  /** Hears what happens to the seat (see `SeatEvent`). */
  readonly onEvent?: (event: SeatEvent) => void;
  /** Longest wait for one request (default 10 s). */
  readonly timeoutMs?: number;
  /** Milliseconds since the epoch (default `Date.now`); tests move it. */
  readonly now?: () => number;
}

/**
 * A seat as its holder keeps it.
 *
 * @example
 * const until = new Date(seat.expiresAt);
 */
export interface HeldSeat {
  readonly id: string;
  readonly kind: "floating" | "workload" | "borrowed";
  /** The seat is free for others from this instant unless a heartbeat moves it. */
  readonly expiresAt: string;
  readonly lease: string;
  readonly heartbeatIntervalSeconds: number;
  readonly overage: boolean;
}

/**
 * What happens to a seat, for the app to log or act on. `heartbeat-failed` carries `runwayMs`: how long the
 * app may keep running on the seat it holds (until the seat's expiry) if no heartbeat gets through.
 *
 * @example
 * const onEvent = (e: SeatEvent) => { if (e.type === "lost") shutDownGracefully(e.problem.message); };
 */
export type SeatEvent =
  | { readonly type: "checked-out"; readonly seat: HeldSeat }
  | { readonly type: "renewed"; readonly seat: HeldSeat }
  | { readonly type: "heartbeat-failed"; readonly problem: ClientProblem; readonly runwayMs: number }
  | { readonly type: "lost"; readonly problem: ClientProblem }
  | { readonly type: "released"; readonly seatId: string };

/**
 * The outcome of a seat operation: what it produced, or the problem (code from the one catalogue, message and
 * remedy in the client's language, and details such as when the next seat frees).
 *
 * @example
 * const result = await seats.checkOut();
 * if (!result.ok && result.problem.code === "NO_SEAT_AVAILABLE") console.log(result.problem.details);
 */
export type SeatResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: ClientProblem };
