import { Command } from "commander";
import { registerServe } from "./commands/serve.js";

/**
 * The `ninsho` command: the server, the admin side (through the admin API) and the device side.
 * @example
 * await buildProgram().parseAsync(["node", "ninsho", "serve"]);
 */
export function buildProgram(): Command {
  const program = new Command("ninsho")
    .description("Ninsho (認証): license activation — server, admin and device commands")
    .showHelpAfterError();
  registerServe(program);
  return program;
}
