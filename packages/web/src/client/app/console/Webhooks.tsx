import { CreatedWebhookSchema, DeliveryListSchema, readAs, WebhookListSchema } from "@ninsho/contract";
import { useState } from "preact/hooks";
import type { ApiProblem } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { useLoad } from "../load.js";
import { Field, ProblemNote, problemOf } from "../ui.js";
import { Action } from "./Action.js";
import { useSession } from "./session.js";

/** Webhooks: the endpoints, a new one (its secret shown once), and each one's delivery log with replay. */
export function WebhooksPage() {
  const session = useSession();
  const speech = useSpeech();
  const { words, t, when } = speech;
  const w = words.webhooks;
  const hooks = useLoad(WebhookListSchema, () => session.call("GET", "/v1/admin/webhooks"), []);
  const [url, setUrl] = useState("");
  const [types, setTypes] = useState("*");
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [secret, setSecret] = useState<string | undefined>(undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!/^https?:\/\/\S+$/.test(url.trim())) return setError(words.common.required);
    setError(undefined);
    const eventTypes = types
      .split(",")
      .map((type) => type.trim())
      .filter((type) => type !== "");
    const answer = await session.call("POST", "/v1/admin/webhooks", { url: url.trim(), eventTypes });
    const made = answer.kind === "ok" ? readAs(CreatedWebhookSchema, answer.body) : undefined;
    setProblem(made ? undefined : problemOf(answer, speech));
    setSecret(made?.secret);
    if (made) setUrl("");
    hooks.reload();
  };

  return (
    <>
      <h1>{w.title}</h1>
      <p class="intro">{w.intro}</p>
      <ProblemNote problem={hooks.problem} />
      {(hooks.data?.webhooks ?? []).map((hook) => (
        <section key={hook.id} class="panel" aria-label={hook.url}>
          <h2>
            <code>{hook.url}</code>
          </h2>
          <p class="hint">
            {hook.eventTypes.join(", ")} · <code>{hook.id}</code>
          </p>
          {hook.failingSince !== undefined && (
            <p class="notice">{t(w.failing, { date: when(hook.failingSince) })}</p>
          )}
          <Deliveries webhookId={hook.id} />
        </section>
      ))}
      <form noValidate onSubmit={submit} class="panel">
        <Field id="webhook-url" label={w.url} hint={w.urlHint} error={error}>
          {(describedBy, invalid) => (
            <input
              id="webhook-url"
              type="url"
              value={url}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onInput={(e) => setUrl(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="webhook-types" label={w.types} hint={w.typesHint}>
          {(describedBy) => (
            <input
              id="webhook-types"
              value={types}
              aria-describedby={describedBy}
              onInput={(e) => setTypes(e.currentTarget.value)}
            />
          )}
        </Field>
        <ProblemNote problem={problem} />
        <button type="submit" class="primary">
          {w.create}
        </button>
      </form>
      {secret !== undefined && (
        <div class="panel" role="status">
          <p>{w.secretOnce}</p>
          <code class="secret">{secret}</code>
        </div>
      )}
    </>
  );
}

function Deliveries({ webhookId }: { readonly webhookId: string }) {
  const session = useSession();
  const { words, t, when } = useSpeech();
  const w = words.webhooks;
  const log = useLoad(
    DeliveryListSchema,
    () => session.call("GET", `/v1/admin/webhooks/${webhookId}/deliveries`),
    [webhookId],
  );
  const deliveries = log.data?.deliveries ?? [];
  return (
    <details>
      <summary>{w.deliveries}</summary>
      <ProblemNote problem={log.problem} />
      {log.data && deliveries.length === 0 && <p>{w.noDeliveries}</p>}
      <ul class="devices">
        {deliveries.map((d) => (
          <li key={d.id}>
            <span>
              {t(w.delivery, { type: d.eventType, status: w.statuses[d.status], attempts: d.attempts })}
              <br />
              <span class="hint">
                {when(d.lastAttemptAt ?? d.createdAt)}
                {d.lastStatus !== undefined && ` · HTTP ${d.lastStatus}`}
                {d.lastError !== undefined && ` · ${d.lastError}`}
              </span>
            </span>
            {d.status !== "pending" && (
              <Action
                id={`replay-${d.id}`}
                label={w.replay}
                path={`/v1/admin/deliveries/${d.id}/replay`}
                onDone={log.reload}
              />
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
