export { type Releasable, releaseOnExit } from "./exitHooks.js";
export { createSeatClient, type SeatClient } from "./seatClient.js";
export type {
  HeldSeat,
  SeatClientOptions,
  SeatEvent,
  SeatHolder,
  SeatPublicKeys,
  SeatResult,
} from "./types.js";
