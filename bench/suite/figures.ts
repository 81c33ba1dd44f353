import type { Run } from "../http/drive.js";
import type { Growth } from "../http/suite.js";
import type { ConfirmationFigures } from "../offline/confirmation.js";
import type { SdkFigures } from "../offline/sdk.js";
import type { ScaleFigures } from "../scale/scale.js";

/** One app server's runs (medians over the rounds), and what its store grew by. */
export interface BackendFigures {
  /** The app's own floor route (a diagnostic: its middleware, no work). */
  readonly floor: Run;
  readonly lease: Run;
  /** By key and the mixed run: measured on SQLite only. */
  readonly key?: Run;
  /** What validation by key answers: 200 (the device's proof verified), or DEVICE_PROOF_REQUIRED's status. */
  readonly keyStatus?: number;
  readonly mixed?: Run;
  readonly activate: Run;
  readonly deactivate: Run;
  /** `POST /v1/seats` of new machines on one floating pool (issue 15). */
  readonly seatCheckOut: Run;
  /** `POST /v1/seats/{id}/heartbeats` over the seats taken. */
  readonly seatHeartbeat: Run;
  /** Growth over the measured activations: the devices they made, with their events. */
  readonly devices?: Growth;
  /** Growth over issuing extra keys. */
  readonly licenses?: Growth;
}

/** A PostgreSQL run: its worker processes and figures. */
export interface PgRun {
  readonly workers: number;
  readonly figures: BackendFigures;
}

/** The floors that do no work, each in its own process. */
export interface Floors {
  /** Bare node:http: the headline floor. */
  readonly node: Run;
  /** Bare Hono route on @hono/node-server. */
  readonly framework: Run;
}

/** Everything one `npm run bench` measured. */
export interface SuiteFigures {
  readonly floors: Floors;
  readonly sqlite: BackendFigures;
  /** Absent when PostgreSQL could not be reached (then `pgSkipped` says why). */
  readonly pg: readonly PgRun[];
  readonly pgSkipped?: string;
  /** Licenses in the seeded data set (each with an activated device). */
  readonly licenses: number;
  readonly scale: ScaleFigures;
  readonly confirmations: ConfirmationFigures;
  readonly sdk: SdkFigures;
  readonly seconds: number;
  readonly rounds: number;
  readonly connections: number;
  readonly quick: boolean;
}
