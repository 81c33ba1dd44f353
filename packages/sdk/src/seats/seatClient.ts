import { deviceSecretText, newDeviceSecret, signDeviceProof, verifySeatLease } from "@ninsho/core";
import { backoffDelay } from "../client/backoff.js";
import { explain, seed } from "../client/problem.js";
import { releaseOnExit } from "./exitHooks.js";
import { seatKeys } from "./keys.js";
import { LAST_STATE_FILES, lastRefusal, lastStateNote, type SeatLastState } from "./lastState.js";
import { type SeatTransport, sendSeatRequest } from "./transport.js";
import type { HeldSeat, SeatClientOptions, SeatEvent, SeatResult } from "./types.js";

/**
 * A seat of a floating or workload license, kept for as long as the app runs: check-out, a heartbeat loop,
 * release (also on SIGTERM, SIGINT and a natural exit with `releaseOnExit`).
 *
 * @example
 * const seats = createSeatClient({ serverUrl, productKey, publicKeys: jwks, holder: { workload: { id: "pod-1" } } });
 * const started = await seats.start();
 * if (!started.ok) throw new Error(started.problem.message);
 * seats.releaseOnExit();
 */
export interface SeatClient {
  /** Check a seat out (the holder's own seat again if it holds one). */
  checkOut(): Promise<SeatResult<HeldSeat>>;
  /** One heartbeat of the held seat; a lapsed or unknown seat is checked out again. */
  heartbeat(): Promise<SeatResult<HeldSeat>>;
  /** Check out, then heartbeat in the background at the interval the server gives, until `stop` or `release`. */
  start(): Promise<SeatResult<HeldSeat>>;
  /** Stop the heartbeat loop (the seat lapses by itself after the policy's timeout). */
  stop(): void;
  /** Return the seat now (stopping the loop): it is free for others at once. */
  release(): Promise<SeatResult<{ readonly seatId: string; readonly returnedAt: string }>>;
  /**
   * How long the app may keep running on the seat it holds if no heartbeat gets through: milliseconds until the
   * seat's expiry (0 without a seat). Past it the seat may be someone else's.
   */
  runwayMs(): number;
  /** The seat held, if any. */
  current(): HeldSeat | undefined;
  /** Release the seat on SIGTERM, SIGINT and a natural exit; the returned function undoes it. */
  releaseOnExit(): () => void;
}

/**
 * Make a seat client.
 *
 * @example
 * const seats = createSeatClient({
 *   serverUrl: "https://activation.example.com",
 *   productKey: process.env.LICENSE_KEY ?? "",
 *   publicKeys: jwks,
 *   holder: { workload: { id: process.env.HOSTNAME ?? "local", kind: "pod" } },
 *   onEvent: (e) => console.log(e.type),
 * });
 */
export function createSeatClient(options: SeatClientOptions): SeatClient {
  const now = options.now ?? Date.now;
  const locale = options.locale ?? "en";
  const keys = seatKeys(options.publicKeys);
  const transport: SeatTransport = {
    serverUrl: options.serverUrl,
    keys,
    locale,
    timeoutMs: options.timeoutMs ?? 10_000,
  };
  const emit = (event: SeatEvent) => options.onEvent?.(event);
  // What the client last saw, for the device doctor to explain (only with a state folder; never read back).
  const note = lastStateNote<SeatLastState>(options.stateDir, LAST_STATE_FILES.seat);
  const remember = (seen: Omit<SeatLastState, "version" | "writtenAt">) =>
    note.write({ version: 1, writtenAt: new Date(now()).toISOString(), ...seen });
  const heldNote = ({ id, kind, expiresAt }: HeldSeat) => ({ id, kind, expiresAt });
  let held: { seat: HeldSeat; secret: string } | undefined;
  // The holder's device secret (the app's, or one made for this process and kept in its memory only): it
  // travels once, at check-out, and the seat is then renewed and returned with device proofs made with it
  // (the HMAC validation and deactivation use), never with a secret that travels on every request.
  const deviceSecret = options.deviceSecret ?? newDeviceSecret();
  /** Server time minus ours, from the last signed answer: proofs are stamped with the server's clock. */
  let skewMs = 0;
  const prove = (path: string, body: Record<string, unknown>) =>
    signDeviceProof(deviceSecret, { path, body, at: new Date(now() + skewMs) });
  const learnTime = (answer: Record<string, unknown>) => {
    const at = typeof answer.serverTime === "string" ? Date.parse(answer.serverTime) : Number.NaN;
    if (Number.isFinite(at)) skewMs = at - now();
  };
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let failures = 0;

  /** A seat from a verified answer; its lease must be the product's and name this seat. */
  const seatFrom = (answer: Record<string, unknown>): HeldSeat | undefined => {
    const seat = answer.seat as
      | { id?: unknown; kind?: unknown; expiresAt?: unknown; overage?: unknown }
      | undefined;
    const lease = answer.lease;
    if (typeof seat?.id !== "string" || typeof seat.expiresAt !== "string" || typeof lease !== "string")
      return undefined;
    const claims = verifySeatLease(lease, keys);
    if (!claims.ok || claims.value.sub !== seat.id) return undefined;
    return {
      id: seat.id,
      kind: seat.kind === "workload" || seat.kind === "borrowed" ? seat.kind : "floating",
      expiresAt: seat.expiresAt,
      lease,
      heartbeatIntervalSeconds: Number(answer.heartbeatIntervalSeconds) || 1,
      overage: seat.overage === true,
    };
  };
  const invalid = (): SeatResult<never> => ({
    ok: false,
    problem: explain(seed("RESPONSE_INVALID"), locale),
  });

  const checkOut = async (): Promise<SeatResult<HeldSeat>> => {
    const body = {
      key: options.productKey,
      ...options.holder,
      ...(options.borrowDays === undefined ? {} : { borrowDays: options.borrowDays }),
      deviceSecret: deviceSecretText(deviceSecret),
    };
    const answer = await sendSeatRequest(transport, {
      method: "POST",
      path: "/v1/seats",
      body,
      signed: true,
      prove,
    });
    if (!answer.ok) {
      await remember({ refused: lastRefusal(answer.problem) });
      return answer;
    }
    learnTime(answer.value);
    const seat = seatFrom(answer.value);
    const secret = answer.value.secret;
    if (!seat || typeof secret !== "string") return invalid();
    held = { seat, secret };
    await remember({ held: heldNote(seat) });
    emit({ type: "checked-out", seat });
    return { ok: true, value: seat };
  };

  const heartbeat = async (): Promise<SeatResult<HeldSeat>> => {
    if (!held) return checkOut();
    const { seat, secret } = held;
    const path = `/v1/seats/${encodeURIComponent(seat.id)}/heartbeats`;
    const request = { method: "POST", path, body: {}, secret, signed: true, prove } as const;
    let answer = await sendSeatRequest(transport, request);
    const stale = answer.ok ? undefined : staleTime(answer.problem);
    if (stale !== undefined) {
      // Our clock is off from the server's: take its time once and prove again.
      skewMs = Date.parse(stale) - now();
      answer = await sendSeatRequest(transport, request);
    }
    if (answer.ok) {
      learnTime(answer.value);
      const renewed = seatFrom(answer.value);
      if (!renewed) return invalid();
      held = { seat: renewed, secret };
      await remember({ held: heldNote(renewed) });
      emit({ type: "renewed", seat: renewed });
      return { ok: true, value: renewed };
    }
    const code = answer.problem.code;
    if (code === "SEAT_EXPIRED" || code === "SEAT_NOT_FOUND") {
      // The seat lapsed (a long outage, a paused VM) or the server no longer knows it: take one again if free.
      held = undefined;
      emit({ type: "lost", problem: answer.problem });
      return checkOut();
    }
    const heartbeatFailure = lastRefusal(answer.problem);
    await remember({ held: heldNote(seat), runwayMs: runwayMs(), heartbeatFailure });
    emit({ type: "heartbeat-failed", problem: answer.problem, runwayMs: runwayMs() });
    return answer;
  };

  const runwayMs = (): number => (held ? Math.max(0, Date.parse(held.seat.expiresAt) - now()) : 0);

  const schedule = () => {
    if (!running) return;
    const interval = (held?.seat.heartbeatIntervalSeconds ?? 5) * 1000;
    // After failures, retry sooner than the interval (with jitter), never later: the seat's expiry is the limit.
    const wait =
      failures === 0 ? interval : Math.min(interval, backoffDelay(failures, { minMs: 250, maxMs: interval }));
    timer = setTimeout(() => {
      void heartbeat().then((result) => {
        failures = result.ok ? 0 : failures + 1;
        schedule();
      });
    }, wait);
    // The loop never keeps a process alive by itself: the app decides when it ends.
    timer.unref();
  };

  const stop = () => {
    running = false;
    if (timer) clearTimeout(timer);
    timer = undefined;
  };

  const client: SeatClient = {
    checkOut,
    heartbeat,
    async start() {
      const first = held ? await heartbeat() : await checkOut();
      running = true;
      failures = first.ok ? 0 : 1;
      schedule();
      return first;
    },
    stop,
    async release() {
      stop();
      if (!held) return { ok: false, problem: explain(seed("SEAT_NOT_FOUND", { seatId: "—" }), locale) };
      const { seat, secret } = held;
      const path = `/v1/seats/${encodeURIComponent(seat.id)}`;
      const answer = await sendSeatRequest(transport, {
        method: "DELETE",
        path,
        body: {},
        secret,
        signed: false,
        prove,
      });
      if (!answer.ok) return answer;
      held = undefined;
      await remember({});
      emit({ type: "released", seatId: seat.id });
      return { ok: true, value: { seatId: seat.id, returnedAt: String(answer.value.returnedAt) } };
    },
    runwayMs,
    current: () => held?.seat,
    releaseOnExit: () => releaseOnExit(client),
  };
  return client;
}

/** The server's time a stale-proof refusal carries, if any. */
function staleTime(problem: { readonly code: string; readonly details?: unknown }): string | undefined {
  if (problem.code !== "DEVICE_PROOF_INVALID") return undefined;
  const time = (problem.details as { serverTime?: unknown } | undefined)?.serverTime;
  return typeof time === "string" ? time : undefined;
}
