import { SupportRequestListSchema, SupportRequestSchema } from "@ninsho/contract";
import { type Command, Option } from "commander";
import { adminCommand, run } from "../context.js";
import { table, when } from "../format.js";
import type { Io } from "../io.js";
import { positiveInt } from "../parse.js";

const enc = encodeURIComponent;
const STATUSES = ["open", "closed"] as const;

/** The refusal a request was opened for, from its context (the code of the refused step). */
function refusalOf(context: Record<string, unknown>): string {
  const refusal = context.refusal;
  if (typeof refusal !== "object" || refusal === null) return "";
  const code = (refusal as { code?: unknown }).code;
  return typeof code === "string" ? code : "";
}

/**
 * `ninsho support-requests list|resolve`: the requests refused self-service steps open (a spent transfer
 * allowance), and closing one once support has acted. Role support or admin.
 * @example
 * ninsho support-requests list --status open
 * ninsho support-requests list --license lic_… --json
 * ninsho support-requests resolve sup_… --reason "moved by support after a board repair"
 */
export function registerSupportRequests(program: Command, io: Io): void {
  const requests = program
    .command("support-requests")
    .description("the support requests refused self-service steps open (role support)");

  adminCommand(requests, "list", "list support requests, newest first (--json: with their full context)")
    .addOption(new Option("--status <status>", "only open or only closed requests").choices(STATUSES))
    .option("--license <id>", "only this license's requests (lic_…)")
    .option("--limit <n>", "at most this many (1 to 200, default 50)", positiveInt)
    .action((_options: unknown, command: Command) =>
      run<{ status?: (typeof STATUSES)[number]; license?: string; limit?: number }>(
        io,
        command,
        async (ctx, o) => {
          const query = {
            ...(o.status === undefined ? {} : { status: o.status }),
            ...(o.license === undefined ? {} : { licenseId: o.license }),
            ...(o.limit === undefined ? {} : { limit: String(o.limit) }),
          };
          const answer = await ctx.api.http.json(
            SupportRequestListSchema,
            "GET",
            "/v1/admin/support-requests",
            {
              query,
            },
          );
          if (ctx.json) return ctx.printJson(answer);
          const { label } = ctx;
          const headers = [
            label("id"),
            label("license"),
            label("status"),
            label("refusal"),
            label("created"),
          ];
          const rows = answer.requests.map((r) => [
            r.id,
            r.licenseId,
            label(r.status === "open" ? "open" : "closed"),
            refusalOf(r.context),
            when(r.createdAt),
          ]);
          for (const text of table(headers, rows)) ctx.print(text);
        },
      ),
    );

  adminCommand(
    requests,
    "resolve <id>",
    "close a request once support has acted; the reason goes to the audit log",
  )
    .requiredOption("--reason <text>", "what support did, for the audit log")
    .action((id: string, _options: unknown, command: Command) =>
      run<{ reason: string }>(io, command, async (ctx, { reason }) => {
        const path = `/v1/admin/support-requests/${enc(id)}/resolve`;
        const closed = await ctx.api.http.json(SupportRequestSchema, "POST", path, { body: { reason } });
        if (ctx.json) return ctx.printJson(closed);
        ctx.print(ctx.m.supportRequestResolved(closed.id, closed.licenseId));
      }),
    );
}
