import {
  CreatedWebhookSchema,
  DeliveryListSchema,
  DeliverySchema,
  WebhookListSchema,
  WebhookSchema,
} from "@ninsho/contract";
import type { Command } from "commander";
import { adminCommand, run } from "../context.js";
import { table, when } from "../format.js";
import type { Io } from "../io.js";
import { positiveInt } from "../parse.js";

const enc = encodeURIComponent;

/**
 * `ninsho webhooks create|list|disable|enable|deliveries|replay`: outbound webhook endpoints, their delivery log
 * and replays.
 * @example
 * ninsho webhooks create --endpoint https://example.com/ninsho --events "license.*" "device.*"
 * ninsho webhooks deliveries whk_… --status failed
 * ninsho webhooks replay dlv_… --reason "receiver fixed"
 */
export function registerWebhooks(program: Command, io: Io): void {
  const webhooks = program.command("webhooks").description("outbound webhook endpoints (admin role)");

  adminCommand(webhooks, "create", "register an endpoint; its signing secret is shown once")
    .requiredOption("--endpoint <url>", "where events are POSTed")
    .option("--events <types...>", "event types: exact, a prefix (license.*), or * (default)")
    .action((_options: unknown, command: Command) =>
      run<{ endpoint: string; events?: string[] }>(io, command, async (ctx, o) => {
        const body = { url: o.endpoint, ...(o.events === undefined ? {} : { eventTypes: o.events }) };
        const created = await ctx.api.http.json(CreatedWebhookSchema, "POST", "/v1/admin/webhooks", { body });
        if (ctx.json) return ctx.printJson(created);
        ctx.print(created.secret);
        ctx.print(`${created.id} ${created.url} ${created.eventTypes.join(",")}`);
        ctx.io.stderr.write(`${ctx.m.tokenShownOnce}\n`);
      }),
    );

  adminCommand(webhooks, "list", "list endpoints and whether they keep failing").action(
    (_options: unknown, command: Command) =>
      run(io, command, async (ctx) => {
        const answer = await ctx.api.http.json(WebhookListSchema, "GET", "/v1/admin/webhooks");
        if (ctx.json) return ctx.printJson(answer);
        const rows = answer.webhooks.map((w) => [
          w.id,
          w.url,
          w.eventTypes.join(","),
          w.disabledAt === undefined ? "" : when(w.disabledAt),
          w.failingSince === undefined ? "" : when(w.failingSince),
        ]);
        for (const text of table(["ID", "URL", "Events", "Disabled", "Failing since"], rows)) ctx.print(text);
      }),
  );

  for (const disabled of [true, false]) {
    adminCommand(
      webhooks,
      `${disabled ? "disable" : "enable"} <id>`,
      disabled ? "stop sending" : "send again",
    )
      .requiredOption("--reason <text>", "why, for the audit log")
      .action((id: string, _options: unknown, command: Command) =>
        run<{ reason: string }>(io, command, async (ctx, { reason }) => {
          const body = { disabled, reason };
          const hook = await ctx.api.http.json(WebhookSchema, "PATCH", `/v1/admin/webhooks/${enc(id)}`, {
            body,
          });
          return ctx.json ? ctx.printJson(hook) : ctx.print(`${hook.id} ${hook.url}`);
        }),
      );
  }

  adminCommand(webhooks, "deliveries <id>", "an endpoint's delivery log, newest first")
    .option("--status <status>", "pending, delivered or failed")
    .option("--limit <n>", "at most this many", positiveInt)
    .action((id: string, _options: unknown, command: Command) =>
      run<{ status?: string; limit?: number }>(io, command, async (ctx, o) => {
        const path = `/v1/admin/webhooks/${enc(id)}/deliveries`;
        const answer = await ctx.api.http.json(DeliveryListSchema, "GET", path, {
          query: { status: o.status, limit: o.limit },
        });
        if (ctx.json) return ctx.printJson(answer);
        const rows = answer.deliveries.map((d) => [
          d.id,
          d.eventType,
          d.status,
          String(d.attempts),
          d.lastStatus === undefined ? (d.lastError ?? "") : String(d.lastStatus),
          d.nextAttemptAt === undefined ? "" : when(d.nextAttemptAt),
        ]);
        for (const text of table(["ID", "Event", "Status", "Attempts", "Last answer", "Next"], rows))
          ctx.print(text);
      }),
    );

  adminCommand(webhooks, "replay <delivery>", "send a delivery again now")
    .requiredOption("--reason <text>", "why, for the audit log")
    .action((id: string, _options: unknown, command: Command) =>
      run<{ reason: string }>(io, command, async (ctx, { reason }) => {
        const path = `/v1/admin/deliveries/${enc(id)}/replay`;
        const delivery = await ctx.api.http.json(DeliverySchema, "POST", path, { body: { reason } });
        return ctx.json ? ctx.printJson(delivery) : ctx.print(`${delivery.id} ${delivery.status}`);
      }),
    );
}
