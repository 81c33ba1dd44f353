import { CommanderError } from "commander";
import { buildProgram } from "./program.js";

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  // Already reported (by commander or the command): only the exit code is left to set.
  if (!(error instanceof CommanderError)) throw error;
  process.exitCode = error.exitCode;
}
