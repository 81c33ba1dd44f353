import { Command, type CommanderError } from "commander";
import { report } from "./admin/errors.js";
import { ExitCode, ExitError } from "./admin/exit.js";
import { defaultIo, exitCodesHelp, type Io, registerAdmin } from "./admin/index.js";
import { detectLocale } from "./admin/locale.js";
import { registerLocal } from "./commands/index.js";
import { registerDevice } from "./device/index.js";
import { colourEnabled, palette } from "./terminal/colour.js";
import { usageProblem } from "./usage.js";

/**
 * The `ninsho` command: the server, the admin side (through the admin API) and the device side.
 * Parse errors are reported like every other problem — code, message and remedy from the one catalogue, in the
 * user's language (as JSON with --json) — and end in an `ExitError` (a `CommanderError`) with exit code 2 rather
 * than exiting the process; `main.ts` turns it into the process's exit code. Pass `io` to capture output (tests).
 * @example
 * await buildProgram().parseAsync(["node", "ninsho", "serve"]);
 */
export function buildProgram(io: Io = defaultIo()): Command {
  const { bold } = palette(io.stdout, io.env);
  const program = new Command("ninsho")
    .description("Ninsho (認証): license activation — server, admin and device commands")
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // commander's own English error line is replaced by the catalogue's words (see `exitOverride` below).
      outputError: () => {},
      getOutHasColors: () => colourEnabled(io.stdout, io.env),
      getErrHasColors: () => colourEnabled(io.stderr, io.env),
    })
    .configureHelp({ styleTitle: bold })
    .addHelpText("after", exitCodesHelp("Exit codes of the admin commands (see docs/cli.md):"));
  registerLocal(program, io);
  registerAdmin(program, io);
  registerDevice(program, io);
  for (const command of everyCommand(program)) {
    command.exitOverride((error) => usageExit(io, command, error));
  }
  return program;
}

function everyCommand(command: Command): Command[] {
  return [command, ...command.commands.flatMap(everyCommand)];
}

/** Help and version exit 0; a parse error is reported from the catalogue and exits 2. */
function usageExit(io: Io, command: Command, error: CommanderError): never {
  if (error.exitCode === 0) throw new ExitError(ExitCode.ok);
  const locale = detectLocale(io.env);
  const problem = usageProblem(error, command, locale);
  if (problem === undefined) {
    // A commander error this does not know: its own words, rather than none.
    io.stderr.write(`${error.message}\n`);
    throw new ExitError(ExitCode.usage);
  }
  throw report(io, locale, command.opts().json === true, problem);
}
