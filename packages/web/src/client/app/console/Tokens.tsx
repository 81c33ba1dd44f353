import { CreatedTokenSchema, readAs, TokenListSchema } from "@ninsho/contract";
import { roles } from "@ninsho/core";
import { useState } from "preact/hooks";
import type { ApiProblem } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { useLoad } from "../load.js";
import { Field, ProblemNote, problemOf } from "../ui.js";
import { useSession } from "./session.js";

type Role = (typeof roles)[number];

/** Staff tokens: who has which role, a new token shown once, revoke. */
export function TokensPage() {
  const session = useSession();
  const speech = useSpeech();
  const { words, when } = speech;
  const w = words.tokens;
  const tokens = useLoad(TokenListSchema, () => session.call("GET", "/v1/admin/tokens"), []);
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("support");
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [created, setCreated] = useState<string | undefined>(undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (name.trim() === "") return setError(words.common.required);
    setError(undefined);
    const answer = await session.call("POST", "/v1/admin/tokens", { name: name.trim(), role });
    const made = answer.kind === "ok" ? readAs(CreatedTokenSchema, answer.body) : undefined;
    setProblem(made ? undefined : problemOf(answer, speech));
    setCreated(made?.token);
    if (made) setName("");
    tokens.reload();
  };
  const revoke = async (id: string) => {
    const answer = await session.call("DELETE", `/v1/admin/tokens/${id}`);
    setProblem(problemOf(answer, speech));
    tokens.reload();
  };

  return (
    <>
      <h1>{w.title}</h1>
      <p class="intro">{w.intro}</p>
      <ProblemNote problem={tokens.problem ?? problem} />
      <ul class="found">
        {(tokens.data?.tokens ?? []).map((token) => (
          <li key={token.id}>
            <span>
              <strong>{token.name}</strong> · {words.roles[token.role]} · <code>{token.id}</code>
              <br />
              <span class="hint">
                {w.lastUsed}: {when(token.lastUsedAt)}
              </span>
            </span>
            {token.revokedAt === undefined ? (
              token.id !== session.me.tokenId && (
                <button type="button" class="secondary" onClick={() => void revoke(token.id)}>
                  {w.revoke}
                </button>
              )
            ) : (
              <span>{w.revoked}</span>
            )}
          </li>
        ))}
      </ul>
      <form noValidate onSubmit={submit} class="panel">
        <Field id="token-name" label={w.name} hint={w.nameHint} error={error}>
          {(describedBy, invalid) => (
            <input
              id="token-name"
              value={name}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="token-role" label={w.role}>
          {() => (
            <select id="token-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {words.roles[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" class="primary">
          {w.create}
        </button>
      </form>
      {created !== undefined && (
        <div class="panel" role="status">
          <p>{w.createdOnce}</p>
          <code class="secret">{created}</code>
        </div>
      )}
    </>
  );
}
