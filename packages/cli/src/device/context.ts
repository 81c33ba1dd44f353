import type { Locale } from "@ninsho/core";
import type { Command } from "commander";
import { report } from "../admin/errors.js";
import { ExitError } from "../admin/exit.js";
import { type Io, line } from "../admin/io.js";
import { detectLocale } from "../admin/locale.js";
import { messagesFor as adminMessagesFor } from "../admin/messages.js";
import { palette } from "../terminal/colour.js";
import { type DeviceConfig, type DeviceOptions, resolveConfig } from "./config.js";
import { DeviceFailure } from "./failure.js";
import { type DeviceMessages, deviceMessagesFor } from "./messages/index.js";

/**
 * What a device command's work gets: its configuration, the language, and ways to print.
 * @example
 * await runDevice(io, command, async (ctx) => { ctx.print(ctx.m.uninstalled); return 0; });
 */
export interface DeviceContext {
  readonly io: Io;
  readonly locale: Locale;
  readonly m: DeviceMessages;
  readonly config: DeviceConfig;
  /** `--json`: one JSON document on stdout and nothing else. */
  readonly json: boolean;
  print(text: string): void;
  printJson(value: unknown): void;
}

function printFailure(io: Io, locale: Locale, json: boolean, failure: DeviceFailure): void {
  if (json) {
    line(io.stderr, JSON.stringify({ error: failure.body }));
    return;
  }
  const words = adminMessagesFor(locale);
  const { red } = palette(io.stderr, io.env);
  line(io.stderr, `${red(`${words.error} ${failure.body.code}`)}: ${failure.body.message}`);
  line(io.stderr, `${words.remedy}: ${failure.body.remedy}`);
}

/**
 * Run a device command: resolve its configuration, run its work, and end with the exit code the work returns
 * (0, or e.g. 6 from `status` on an unlicensed machine). A `DeviceFailure` prints its code, message and
 * remedy in the user's language (JSON on stderr with --json) and ends with its exit code; anything else is
 * reported as unexpected (exit 1), as on the admin side.
 * @example
 * .action((_options: unknown, command: Command) =>
 *   runDevice(io, command, async (ctx) => { ctx.printJson(await status(ctx)); return 0; }))
 */
export async function runDevice<O extends object>(
  io: Io,
  command: Command,
  work: (ctx: DeviceContext, options: O & DeviceOptions) => Promise<number>,
): Promise<void> {
  const options = command.opts<O & DeviceOptions>();
  const locale = detectLocale(io.env);
  const json = options.json === true;
  const m = deviceMessagesFor(locale);
  let exitCode: number;
  try {
    const config = await resolveConfig(options, io.env, locale);
    const ctx: DeviceContext = {
      io,
      locale,
      m,
      config,
      json,
      print: (text) => line(io.stdout, text),
      printJson: (value) => line(io.stdout, JSON.stringify(value, null, 2)),
    };
    exitCode = await work(ctx, options);
  } catch (error) {
    if (error instanceof DeviceFailure) {
      printFailure(io, locale, json, error);
      throw new ExitError(error.exitCode);
    }
    throw report(io, locale, json, error);
  }
  if (exitCode !== 0) throw new ExitError(exitCode);
}
