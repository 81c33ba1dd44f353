import { CommanderError } from "commander";
import { buildProgram } from "./program.js";
import { exitQuietlyOnBrokenPipe, isBrokenPipe } from "./terminal/brokenPipe.js";

// `ninsho … | head -1`: when the reader goes, stop without a stack trace (see brokenPipe.ts).
exitQuietlyOnBrokenPipe([process.stdout, process.stderr], (code) => process.exit(code));

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (isBrokenPipe(error)) process.exit(Number(process.exitCode ?? 0));
  // Already reported (by commander or the command): only the exit code is left to set.
  if (!(error instanceof CommanderError)) throw error;
  process.exitCode = error.exitCode;
}
