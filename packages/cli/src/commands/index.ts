import type { Command } from "commander";
import type { Io } from "../admin/io.js";
import { registerBackup } from "./backup.js";
import { registerMigrate } from "./migrate.js";
import { registerOutbox } from "./outbox.js";
import { registerRelay } from "./relay.js";
import { registerRestore } from "./restore.js";
import { registerServe } from "./serve.js";

/**
 * Register the commands that work on this machine's server and data (not through the API): serve, migrate,
 * backup, restore, outbox and the on-premises relay.
 * @example
 * registerLocal(program, defaultIo());
 */
export function registerLocal(program: Command, io: Io): void {
  registerServe(program, io);
  registerMigrate(program, io);
  registerBackup(program, io);
  registerRestore(program, io);
  registerOutbox(program, io);
  registerRelay(program, io);
}
