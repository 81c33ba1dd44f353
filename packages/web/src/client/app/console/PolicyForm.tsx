import { type Policy, type PolicyInput, type PolicyPatch, PolicySchema, readAs } from "@ninsho/contract";
import { channels } from "@ninsho/core";
import { useState } from "preact/hooks";
import type { ApiProblem } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { Field, ProblemNote, problemOf, Status } from "../ui.js";
import { type Draft, type DraftErrors, draftOf, START, serverErrors, validate } from "./policyDraft.js";
import { useSession } from "./session.js";

type Input = ReturnType<typeof validate>["input"];

/** Only what an edit changes, so a value the form rounds (seconds shown as days) is never rewritten. */
function changed(before: Input, after: Input): Partial<Input> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key as keyof Input])) out[key] = value;
  }
  return out as Partial<Input>;
}

/**
 * A policy's form: a new one for a product, or (`policy` given) an edit of one, which asks why (the audit log
 * keeps it). Every field has its one-line explanation; mistakes are named at their field, before sending and
 * when the server refuses a value.
 */
export function PolicyForm({
  productId,
  policy,
  onDone,
}: {
  readonly productId: string;
  readonly policy?: Policy;
  /** Called with the policy as saved. */
  readonly onDone: (saved: Policy) => void;
}) {
  const session = useSession();
  const speech = useSpeech();
  const w = speech.words.policy;
  const editing = policy !== undefined;
  const prefix = editing ? `edit-${policy.id}` : "policy";
  const start = editing ? draftOf(policy) : START;
  const [draft, setDraft] = useState<Draft>(start);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const set = (key: keyof Draft) => (e: { currentTarget: HTMLInputElement | HTMLSelectElement }) =>
    setDraft({ ...draft, [key]: e.currentTarget.value });
  const focusFirstError = () =>
    setTimeout(() => document.querySelector<HTMLElement>(`#${prefix}-form [aria-invalid='true']`)?.focus());

  const send = async (input: Input) => {
    if (!editing) {
      const body: PolicyInput = { productId, channel: draft.channel, ...input };
      return session.call("POST", "/v1/admin/policies", body);
    }
    const body: PolicyPatch = {
      ...changed(validate(start, speech).input, input),
      reason: draft.reason.trim(),
    };
    return session.call("PATCH", `/v1/admin/policies/${policy.id}`, body);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = validate(draft, speech);
    if (editing && draft.reason.trim() === "") checked.errors.reason = speech.words.common.reasonMissing;
    setErrors(checked.errors);
    if (Object.keys(checked.errors).length > 0) return focusFirstError();
    const answer = await send(checked.input);
    const saved = answer.kind === "ok" ? readAs(PolicySchema, answer.body) : undefined;
    const refused = saved ? undefined : problemOf(answer, speech);
    setProblem(refused);
    setErrors(serverErrors(refused, speech));
    if (!saved) return focusFirstError();
    const done = editing ? speech.words.policy.saved : speech.words.products.created;
    setStatus(speech.t(done, { name: saved.name }));
    setDraft(editing ? draftOf(saved) : START);
    onDone(saved);
  };

  const text = (key: keyof Draft, label: string, hint: string, mode: "text" | "numeric" | "decimal") => (
    <Field id={`${prefix}-${key}`} label={label} hint={hint} error={errors[key]}>
      {(describedBy, invalid) => (
        <input
          id={`${prefix}-${key}`}
          inputMode={mode}
          value={String(draft[key])}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onInput={set(key)}
        />
      )}
    </Field>
  );

  return (
    <form id={`${prefix}-form`} noValidate onSubmit={submit} class="panel">
      <h3>{editing ? speech.t(w.editHeading, { name: policy.name }) : speech.words.products.newPolicy}</h3>
      {text("name", w.name, w.nameHint, "text")}
      <Field id={`${prefix}-channel`} label={w.channel} hint={editing ? w.channelFixed : w.channelHint}>
        {(describedBy) => (
          <select
            id={`${prefix}-channel`}
            value={draft.channel}
            disabled={editing}
            aria-describedby={describedBy}
            onChange={set("channel")}
          >
            {channels.map((c) => (
              <option key={c} value={c}>
                {speech.words.channels[c]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text("maxDevices", w.maxDevices, w.maxDevicesHint, "numeric")}
      {text("leaseDays", w.leaseDays, w.leaseDaysHint, "numeric")}
      {text("graceDays", w.graceDays, w.graceDaysHint, "numeric")}
      {text("threshold", w.threshold, w.thresholdHint, "decimal")}
      <div class="field check">
        <input
          id={`${prefix}-transferable`}
          type="checkbox"
          checked={draft.transferable}
          aria-describedby={`${prefix}-transferable-hint`}
          onChange={(e) => setDraft({ ...draft, transferable: e.currentTarget.checked })}
        />
        <label for={`${prefix}-transferable`}>{w.transferable}</label>
        <p id={`${prefix}-transferable-hint`} class="hint">
          {w.transferableHint}
        </p>
      </div>
      {text("transfersPerYear", w.transfersPerYear, w.transfersPerYearHint, "numeric")}
      {text("entitlements", w.entitlements, w.entitlementsHint, "text")}
      {editing && text("reason", speech.words.common.reason, w.editReasonHint, "text")}
      <ProblemNote problem={problem} />
      <button type="submit" class="primary">
        {editing ? speech.words.common.save : speech.words.products.create}
      </button>
      <Status text={status} />
    </form>
  );
}
