import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { ExitCode } from "../admin/exit.js";
import { defaultIo, type Io, line } from "../admin/io.js";
import { detectLocale } from "../admin/locale.js";
import { cliText } from "../i18n/index.js";
import { runLocal, UsageProblem, wholeNumber } from "./local.js";

interface RelayOptions {
  readonly grant?: string;
  readonly data: string;
  readonly port: number;
  readonly host: string;
}

/** Open the relay of a data folder with a grant, a refusal (a forged grant, a clock set back) as its code. */
async function opened(
  options: { readonly data: string; readonly grant?: string | undefined },
  command: string,
) {
  if (options.grant === undefined)
    throw new UsageProblem("USAGE_REQUIRED_OPTION", { command, option: "--grant <file>" });
  const { openRelay } = await import("@ninsho/relay");
  const ctx = openRelay({ dataDir: resolve(options.data), grantFile: resolve(options.grant) });
  if (!ctx.ok) throw new UsageProblem(ctx.error.code, ctx.error.params ?? {}, ExitCode.failure);
  return ctx.value;
}

/**
 * `ninsho relay`: the on-premises volume server a customer's IT runs inside a network that never reaches the
 * vendor (docs/relay.md). `relay init` makes its key pair and the request file for the vendor; `relay --grant`
 * serves devices under the grant the vendor signed for it; `relay report` writes the signed usage report.
 * @example
 * ninsho relay --data /var/lib/ninsho-relay init --vendor-keys jwks.json
 * ninsho relay --grant plant4.grant --port 8787 --data /var/lib/ninsho-relay
 * ninsho relay --grant plant4.grant --data /var/lib/ninsho-relay report --out usage.json
 */
export function registerRelay(program: Command, io: Io = defaultIo()): void {
  const relay = program
    .command("relay")
    .description("run the on-premises volume server under a vendor-signed grant (init, report: see below)")
    .option("--grant <file>", "the grant file the vendor issued for this relay (also for `relay report`)")
    .option(
      "--data <dir>",
      "the relay's data folder (made by `relay init`; give it before `init` or `report` too)",
      "./relay-data",
    )
    .option("--port <port>", "port to listen on", wholeNumber("--port", 0, 65535), 8787)
    .option("--host <host>", "address to listen on (the devices of the network must reach it)", "0.0.0.0")
    .action((options: RelayOptions) => runLocal(io, "relay", () => serveRelay(io, options)));

  relay
    .command("init")
    .description("make the relay's key pair and the request file to send to the vendor")
    .requiredOption("--vendor-keys <file>", "the vendor's public keys (JWKS, as /.well-known/jwks.json)")
    .action((_options: unknown, command: Command) =>
      runLocal(io, "relay init", async () => {
        const options = command.optsWithGlobals<{ data: string; vendorKeys: string }>();
        const { initRelayFiles, RELAY_FILES } = await import("@ninsho/relay");
        const dataDir = resolve(options.data);
        initRelayFiles(dataDir, readFileSync(resolve(options.vendorKeys), "utf8"));
        const say = cliText(detectLocale(io.env));
        line(io.stdout, say("relay.initialised", { request: join(dataDir, RELAY_FILES.request) }));
      }),
    );

  relay
    .command("report")
    .description("write the relay's signed usage report, for the vendor's true-up")
    .requiredOption("--out <file>", "the report file to write (must not exist)")
    .action((_options: unknown, command: Command) =>
      runLocal(io, "relay report", async () => {
        const options = command.optsWithGlobals<{ data: string; grant?: string; out: string }>();
        const { usageReportFile } = await import("@ninsho/relay");
        const ctx = await opened(options, "ninsho relay report");
        const file = usageReportFile(ctx);
        ctx.db.close();
        const out = resolve(options.out);
        try {
          writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`, { flag: "wx" });
        } catch (error) {
          if ((error as { code?: unknown }).code === "EEXIST")
            throw new UsageProblem("OUTPUT_EXISTS", { path: out });
          throw error;
        }
        line(io.stdout, cliText(detectLocale(io.env))("relay.reported", { out }));
      }),
    );
}

async function serveRelay(io: Io, options: RelayOptions): Promise<void> {
  const { startRelay } = await import("@ninsho/relay");
  const ctx = await opened(options, "ninsho relay");
  const running = await startRelay(ctx, { port: options.port, host: options.host });
  const say = cliText(detectLocale(io.env));
  line(io.stdout, say("relay.listening", { url: running.url, grantId: ctx.grant.jti, max: ctx.grant.max }));
  line(io.stdout, say("relay.adminToken", { url: `${running.url}/admin`, token: running.adminToken }));
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
