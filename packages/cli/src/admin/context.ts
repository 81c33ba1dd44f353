import type { Locale } from "@ninsho/core";
import type { Command } from "commander";
import { AdminApi } from "./api.js";
import { report } from "./errors.js";
import { exitCodesHelp } from "./exit.js";
import { type Io, line } from "./io.js";
import { type LabelOf, labelsFor } from "./labels.js";
import { detectLocale } from "./locale.js";
import { type Messages, messagesFor } from "./messages.js";

/**
 * The server the admin commands talk to when neither --url nor NINSHO_URL says otherwise.
 * @example
 * new URL("/healthz", DEFAULT_URL);
 */
export const DEFAULT_URL = "http://127.0.0.1:8080";

/**
 * The options every admin command takes.
 * @example
 * const common: CommonOptions = { url: "http://127.0.0.1:8080", json: true };
 */
export interface CommonOptions {
  readonly url?: string;
  readonly token?: string;
  readonly json?: boolean;
}

/**
 * What a command's work gets: the API client, the language, and ways to print.
 * @example
 * await run(io, command, async (ctx) => ctx.print(ctx.m.whoami("tok_…", "admin")));
 */
export interface Context {
  readonly io: Io;
  readonly api: AdminApi;
  readonly locale: Locale;
  readonly m: Messages;
  readonly label: LabelOf;
  /** `--json`: print the API's JSON and nothing else on stdout. */
  readonly json: boolean;
  /** One line of human output on stdout. */
  print(text: string): void;
  /** The JSON of an answer, as the API sent it, on stdout. */
  printJson(value: unknown): void;
}

const adminCommands = new WeakSet<Command>();

/**
 * Add an admin subcommand. `finishAdminCommands` later gives it the common options (--url, --token, --json)
 * after its own, and the exit codes at the end of its help.
 * @example
 * adminCommand(products, "show <id>", "show a product and its public keys").action(…);
 */
export function adminCommand(parent: Command, nameAndArgs: string, description: string): Command {
  const command = parent.command(nameAndArgs).description(description);
  adminCommands.add(command);
  return command;
}

/**
 * Give every admin command under `root` the common options, listed after its own, and the exit codes in its
 * help. Call once, after all admin commands are registered.
 * @example
 * registerProducts(program, io);
 * finishAdminCommands(program);
 */
export function finishAdminCommands(root: Command): void {
  for (const command of root.commands) {
    finishAdminCommands(command);
    if (!adminCommands.has(command)) continue;
    command
      .option("--url <url>", `server URL (default: NINSHO_URL, else ${DEFAULT_URL})`)
      .option("--token <token>", "admin token (default: NINSHO_TOKEN; prefer it: arguments show in `ps`)")
      .option("--json", "print the API's raw JSON on stdout (errors as JSON on stderr)")
      .addHelpText("after", exitCodesHelp());
  }
}

/**
 * Run a command's work with its context; any failure is reported (code, message, remedy in the user's
 * language) and rethrown as the `ExitError` that carries the exit code.
 * @example
 * .action((id: string, _options: unknown, command: Command) =>
 *   run(io, command, async (ctx) => ctx.printJson(await ctx.api.getProduct(id))))
 */
export async function run<O extends object>(
  io: Io,
  command: Command,
  work: (ctx: Context, options: O & CommonOptions) => Promise<void>,
): Promise<void> {
  const options = command.opts<O & CommonOptions>();
  const locale = detectLocale(io.env);
  const json = options.json === true;
  try {
    const api = new AdminApi({
      baseUrl: options.url ?? (io.env.NINSHO_URL || DEFAULT_URL),
      token: options.token ?? io.env.NINSHO_TOKEN,
      locale,
    });
    const ctx: Context = {
      io,
      api,
      locale,
      m: messagesFor(locale),
      label: labelsFor(locale),
      json,
      print: (text) => line(io.stdout, text),
      printJson: (value) => line(io.stdout, JSON.stringify(value, null, 2)),
    };
    await work(ctx, options);
  } catch (error) {
    throw report(io, locale, json, error);
  }
}
