export { type Releasable, releaseOnExit } from "./exitHooks.js";
export {
  LAST_STATE_FILES,
  type LastRefusal,
  type RelayLastState,
  type SeatLastState,
} from "./lastState.js";
export { createSeatClient, type SeatClient } from "./seatClient.js";
export type {
  HeldSeat,
  SeatClientOptions,
  SeatEvent,
  SeatHolder,
  SeatPublicKeys,
  SeatResult,
} from "./types.js";
