import type { Run } from "../http/drive.js";
import type { Growth } from "../http/suite.js";
import type { ConfirmationFigures } from "../offline/confirmation.js";
import type { SdkFigures } from "../offline/sdk.js";
import type { ScaleFigures } from "../scale/scale.js";

/** One server's four runs (medians over the rounds), and what its store grew by. */
export interface BackendFigures {
  readonly floor: Run;
  readonly validate: Run;
  readonly activate: Run;
  readonly deactivate: Run;
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

/** Everything one `npm run bench` measured. */
export interface SuiteFigures {
  readonly sqlite: BackendFigures;
  /** Absent when PostgreSQL could not be reached (then `pgSkipped` says why). */
  readonly pg: readonly PgRun[];
  readonly pgSkipped?: string;
  readonly scale: ScaleFigures;
  readonly confirmations: ConfirmationFigures;
  readonly sdk: SdkFigures;
  readonly seconds: number;
  readonly rounds: number;
  readonly connections: number;
  readonly quick: boolean;
}

/** The names of the scale steps in results.json, in step order (whatever the counts of a quick run). */
export const SCALE_NAMES = ["1k", "100k", "1m"] as const;
