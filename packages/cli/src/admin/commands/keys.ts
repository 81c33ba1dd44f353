import type { Command } from "commander";
import { adminCommand, run } from "../context.js";
import { count } from "../format.js";
import type { Io } from "../io.js";
import { line } from "../io.js";
import { generateKeys } from "../keys/generate.js";
import { fileSink, streamSink } from "../keys/sink.js";
import { positiveInt } from "../parse.js";

interface GenerateOptions {
  policy: string;
  count: number;
  out?: string;
  force?: boolean;
  email?: string;
}

/**
 * `ninsho keys generate`: issue any number of keys, streamed to a CSV file (mode 0600) or stdout.
 * @example
 * ninsho keys generate --policy pol_… --count 1000000 --out keys.csv
 */
export function registerKeys(program: Command, io: Io): void {
  const keys = program.command("keys").description("issue product keys in bulk");

  adminCommand(
    keys,
    "generate",
    "issue keys; the CSV (license_id,key,policy_id,created_at) streams as it comes",
  )
    .requiredOption("--policy <id>", "the policy of the new licenses (pol_…)")
    .requiredOption("--count <n>", "how many keys (up to 10,000,000)", positiveInt)
    .option("--out <file>", "write the CSV to this file, created with mode 0600 (default: stdout)")
    .option("--force", "overwrite --out if it exists")
    .option("--email <email>", "owner account of every new license")
    .addHelpText(
      "after",
      "\nThe keys exist in clear only in this CSV: keep it safe. Progress goes to stderr; the summary to stdout\nwith --out, else to stderr. With --json the summary is {count, seconds, policyId, out}.",
    )
    .action((_options: unknown, command: Command) =>
      run<GenerateOptions>(io, command, async (ctx, options) => {
        const sink =
          options.out === undefined
            ? streamSink(io.stdout, ctx.locale)
            : await fileSink(options.out, options.force === true, ctx.locale);
        const result = await generateKeys(
          ctx,
          {
            policyId: options.policy,
            count: options.count,
            ...(options.email === undefined ? {} : { ownerEmail: options.email }),
          },
          sink,
        );
        const summaryTo = options.out === undefined ? io.stderr : io.stdout;
        if (ctx.json) return line(summaryTo, JSON.stringify(result));
        line(
          summaryTo,
          ctx.m.keysDone(
            count(result.count),
            result.seconds.toFixed(result.seconds < 10 ? 2 : 1),
            result.out ?? "stdout",
          ),
        );
      }),
    );
}
