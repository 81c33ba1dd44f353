import { PolicyListSchema, ProductListSchema, ProductSchema, readAs } from "@ninsho/contract";
import { useState } from "preact/hooks";
import type { ApiProblem } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { useLoad } from "../load.js";
import { Field, ProblemNote, problemOf, Status } from "../ui.js";
import { Action } from "./Action.js";
import { PolicyForm } from "./PolicyForm.js";
import { useSession } from "./session.js";

/** Products, and the policies of the one chosen: lists and forms to create them. */
export function ProductsPage() {
  const session = useSession();
  const speech = useSpeech();
  const { words, t } = speech;
  const products = useLoad(ProductListSchema, () => session.call("GET", "/v1/admin/products"), []);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const list = products.data?.products ?? [];
  const current = list.find((p) => p.id === chosen) ?? list[0];

  const create = async (event: Event) => {
    event.preventDefault();
    if (name.trim() === "") return setError(words.common.required);
    setError(undefined);
    const answer = await session.call("POST", "/v1/admin/products", { name: name.trim() });
    const created = answer.kind === "ok" ? readAs(ProductSchema, answer.body) : undefined;
    setProblem(created ? undefined : problemOf(answer, speech));
    if (!created) return;
    setName("");
    setStatus(t(words.products.created, { name: created.name }));
    setChosen(created.id);
    products.reload();
  };

  return (
    <>
      <h1>{words.products.title}</h1>
      <ProblemNote problem={products.problem ?? problem} />
      <section aria-labelledby="products-heading">
        <h2 id="products-heading">{words.products.productsHeading}</h2>
        <ul class="found">
          {list.map((p) => (
            <li key={p.id}>
              <span>
                <strong>{p.name}</strong> <code>{p.id}</code>
              </span>
              <button
                type="button"
                class="secondary"
                aria-pressed={current?.id === p.id}
                onClick={() => setChosen(p.id)}
              >
                {t(words.products.policiesHeading, { name: p.name })}
              </button>
            </li>
          ))}
        </ul>
        <form noValidate onSubmit={create} class="panel">
          <h3>{words.products.newProduct}</h3>
          <Field
            id="product-name"
            label={words.products.productName}
            hint={words.products.productNameHint}
            error={error}
          >
            {(describedBy, invalid) => (
              <input
                id="product-name"
                value={name}
                maxLength={200}
                required
                aria-invalid={invalid}
                aria-describedby={describedBy}
                onInput={(e) => setName(e.currentTarget.value)}
              />
            )}
          </Field>
          <button type="submit" class="primary">
            {words.products.create}
          </button>
          <Status text={status} />
        </form>
      </section>
      {current && <Policies productId={current.id} productName={current.name} />}
    </>
  );
}

function Policies({ productId, productName }: { readonly productId: string; readonly productName: string }) {
  const session = useSession();
  const { words, t, number, when } = useSpeech();
  const policies = useLoad(
    PolicyListSchema,
    () => session.call("GET", `/v1/admin/policies?productId=${encodeURIComponent(productId)}`),
    [productId],
  );
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const list = policies.data?.policies ?? [];
  const admin = session.me.role === "admin";
  const days = (seconds: number) => `${number(Math.round(seconds / 86_400))} d`;
  return (
    <section aria-labelledby="policies-heading">
      <h2 id="policies-heading">{t(words.products.policiesHeading, { name: productName })}</h2>
      <ProblemNote problem={policies.problem} />
      <Status text={saved} />
      {list.length === 0 && policies.data && <p>{words.products.noPolicies}</p>}
      <ul class="found">
        {list.map((p) => (
          <li key={p.id}>
            <span>
              <strong>{p.name}</strong> <code>{p.id}</code>
              <br />
              <span class="hint">
                {t(words.products.policySummary, {
                  channel: words.channels[p.channel],
                  devices: p.maxDevices,
                  lease: days(p.leaseSeconds),
                  threshold: p.matchThreshold,
                })}
              </span>
            </span>
            {p.archivedAt === undefined ? (
              admin && (
                <span class="buttons">
                  <button
                    type="button"
                    class="secondary"
                    aria-expanded={editing === p.id}
                    aria-controls={`edit-${p.id}-form`}
                    onClick={() => setEditing(editing === p.id ? undefined : p.id)}
                  >
                    {t(words.products.edit, { name: p.name })}
                  </button>
                  <Action
                    id={`archive-${p.id}`}
                    label={words.products.archive}
                    path={`/v1/admin/policies/${p.id}/archive`}
                    onDone={policies.reload}
                  />
                </span>
              )
            ) : (
              <span>
                {t(words.products.archived, { date: when(p.archivedAt) })}{" "}
                {admin && (
                  <Action
                    id={`restore-${p.id}`}
                    label={words.products.restore}
                    path={`/v1/admin/policies/${p.id}/restore`}
                    onDone={policies.reload}
                  />
                )}
              </span>
            )}
            {editing === p.id && (
              <PolicyForm
                productId={productId}
                policy={p}
                onDone={(saved) => {
                  setEditing(undefined);
                  setSaved(t(words.policy.saved, { name: saved.name }));
                  policies.reload();
                }}
              />
            )}
          </li>
        ))}
      </ul>
      {admin && <PolicyForm productId={productId} onDone={() => policies.reload()} />}
    </section>
  );
}
