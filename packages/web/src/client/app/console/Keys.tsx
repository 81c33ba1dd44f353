import { PolicyListSchema } from "@ninsho/contract";
import { useEffect, useState } from "preact/hooks";
import { type ApiAnswer, type ApiProblem, answerOf } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { useLoad } from "../load.js";
import { Field, ProblemNote, problemOf } from "../ui.js";
import { useSession } from "./session.js";

type Progress = { readonly done: number; readonly total: number; readonly url?: string };

/**
 * Stream `POST /v1/admin/key-batches` (CSV, a line per key, committed before it is sent), counting lines as they
 * arrive for the progress bar; the file is kept in memory as a Blob and offered for download at the end.
 */
async function generate(
  token: string,
  locale: string,
  body: { policyId: string; count: number; ownerEmail?: string },
  onProgress: (done: number) => void,
): Promise<{ ok: true; blob: Blob } | { ok: false; answer: ApiAnswer }> {
  let response: Response;
  try {
    response = await fetch("/v1/admin/key-batches", {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        accept: "text/csv, application/json",
        "accept-language": locale,
      },
      body: JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
    });
  } catch {
    return { ok: false, answer: { kind: "network" } };
  }
  if (!response.ok || response.body === null) return { ok: false, answer: await answerOf(response) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let lines = -1; // the header line is not a key
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    for (const byte of value) if (byte === 10) lines += 1;
    onProgress(Math.max(0, lines));
  }
  return { ok: true, blob: new Blob(chunks as BlobPart[], { type: "text/csv" }) };
}

/** Generate keys for a policy with a progress bar, then download them as CSV. */
export function KeysPage() {
  const session = useSession();
  const speech = useSpeech();
  const { words, t, number } = speech;
  const w = words.keys;
  const policies = useLoad(PolicyListSchema, () => session.call("GET", "/v1/admin/policies"), []);
  const list = policies.data?.policies ?? [];
  const [policyId, setPolicyId] = useState("");
  const [count, setCount] = useState("100");
  const [owner, setOwner] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  useEffect(
    () => () => {
      if (progress?.url !== undefined) URL.revokeObjectURL(progress.url);
    },
    [progress?.url],
  );

  const submit = async (event: Event) => {
    event.preventDefault();
    const total = Number(count);
    if (!/^\d+$/.test(count.trim()) || total < 1 || total > 10_000_000)
      return setError(t(words.policy.badNumber, { min: 1, max: 10_000_000 }));
    setError(undefined);
    setProblem(undefined);
    setProgress({ done: 0, total });
    const chosen = policyId === "" ? (list[0]?.id ?? "") : policyId;
    const body = {
      policyId: chosen,
      count: total,
      ...(owner.trim() === "" ? {} : { ownerEmail: owner.trim() }),
    };
    const made = await generate(session.token, speech.locale, body, (done) => setProgress({ done, total }));
    if (!made.ok) {
      setProgress(undefined);
      return setProblem(problemOf(made.answer, speech));
    }
    setProgress({ done: total, total, url: URL.createObjectURL(made.blob) });
  };

  if (policies.data && list.length === 0) return <p>{w.noPolicy}</p>;
  return (
    <>
      <h1>{w.title}</h1>
      <p class="intro">{w.intro}</p>
      <form noValidate onSubmit={submit} class="panel">
        <Field id="keys-policy" label={w.policy} hint={w.policyHint}>
          {(describedBy) => (
            <select
              id="keys-policy"
              value={policyId}
              aria-describedby={describedBy}
              onChange={(e) => setPolicyId(e.currentTarget.value)}
            >
              {list.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({words.channels[p.channel]})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="keys-count" label={w.count} hint={w.countHint} error={error}>
          {(describedBy, invalid) => (
            <input
              id="keys-count"
              inputMode="numeric"
              value={count}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onInput={(e) => setCount(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="keys-owner" label={w.owner} hint={w.ownerHint}>
          {(describedBy) => (
            <input
              id="keys-owner"
              type="email"
              autocomplete="off"
              value={owner}
              aria-describedby={describedBy}
              onInput={(e) => setOwner(e.currentTarget.value)}
            />
          )}
        </Field>
        <ProblemNote problem={problem ?? policies.problem} />
        <button type="submit" class="primary" disabled={progress !== undefined && progress.url === undefined}>
          {w.submit}
        </button>
      </form>
      {progress && (
        <section class="panel" aria-live="polite">
          <label for="keys-progress">
            {t(w.progress, { done: number(progress.done), total: number(progress.total) })}
          </label>
          <progress id="keys-progress" max={progress.total} value={progress.done} />
          {progress.url !== undefined && (
            <>
              <p role="status">{t(w.finished, { total: progress.total })}</p>
              <a class="button primary" href={progress.url} download="ninsho-keys.csv">
                {w.download}
              </a>
              <p class="hint">{w.keepSafe}</p>
            </>
          )}
        </section>
      )}
    </>
  );
}
