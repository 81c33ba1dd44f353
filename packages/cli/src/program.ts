import { Command } from "commander";
import { defaultIo, exitCodesHelp, type Io, registerAdmin, usageExit } from "./admin/index.js";
import { registerLocal } from "./commands/index.js";
import { registerDevice } from "./device/index.js";

/**
 * The `ninsho` command: the server, the admin side (through the admin API) and the device side.
 * Parse errors end in an `ExitError` (a `CommanderError`) with exit code 2 rather than exiting the process;
 * `main.ts` turns it into the process's exit code. Pass `io` to capture output (tests).
 * @example
 * await buildProgram().parseAsync(["node", "ninsho", "serve"]);
 */
export function buildProgram(io: Io = defaultIo()): Command {
  const program = new Command("ninsho")
    .description("Ninsho (認証): license activation — server, admin and device commands")
    .showHelpAfterError()
    .exitOverride(usageExit)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .addHelpText("after", exitCodesHelp("Exit codes of the admin commands (see docs/cli.md):"));
  registerLocal(program, io);
  registerAdmin(program, io);
  registerDevice(program, io);
  return program;
}
