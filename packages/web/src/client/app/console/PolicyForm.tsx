import { type PolicyInput, PolicySchema, readAs } from "@ninsho/contract";
import { channels } from "@ninsho/core";
import { useState } from "preact/hooks";
import type { ApiProblem } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { Field, ProblemNote, problemOf, Status } from "../ui.js";
import { useSession } from "./session.js";

type Channel = (typeof channels)[number];

interface Draft {
  name: string;
  channel: Channel;
  maxDevices: string;
  leaseDays: string;
  graceDays: string;
  threshold: string;
  transferable: boolean;
  transfersPerYear: string;
  entitlements: string;
}

const START: Draft = {
  name: "",
  channel: "retail",
  maxDevices: "2",
  leaseDays: "30",
  graceDays: "14",
  threshold: "0.7",
  transferable: true,
  transfersPerYear: "3",
  entitlements: "",
};

const DAY = 86_400;

/** A whole number in [min, max], or undefined. */
const whole = (text: string, min: number, max: number) => {
  const n = Number(text);
  return /^\d+$/.test(text.trim()) && n >= min && n <= max ? n : undefined;
};

/**
 * Check a draft as the server's schema will (same bounds), so every mistake is named at its field before
 * anything is sent; the server still checks again (the page may be old or edited).
 */
function validate(draft: Draft, words: ReturnType<typeof useSpeech>) {
  const { t, words: w } = words;
  const errors: Partial<Record<keyof Draft, string>> = {};
  const number = (key: keyof Draft, min: number, max: number) => {
    const value = whole(String(draft[key]), min, max);
    if (value === undefined) errors[key] = t(w.policy.badNumber, { min, max });
    return value ?? 0;
  };
  if (draft.name.trim() === "") errors.name = w.common.required;
  const maxDevices = number("maxDevices", 1, 1_000_000);
  const leaseDays = number("leaseDays", 1, 3650);
  const graceDays = number("graceDays", 0, 365);
  const transfersPerYear = number("transfersPerYear", 0, 1000);
  const threshold = Number(draft.threshold);
  if (!(threshold >= 0.05 && threshold <= 1)) errors.threshold = w.policy.badThreshold;
  const entitlements = draft.entitlements
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");
  const input = {
    name: draft.name.trim(),
    channel: draft.channel,
    maxDevices,
    leaseSeconds: leaseDays * DAY,
    graceSeconds: graceDays * DAY,
    matchThreshold: threshold,
    transferable: draft.transferable,
    transfersPerYear,
    entitlements,
  };
  return { errors, input };
}

/** A new policy for a product: every field with a one-line explanation, checked before it is sent. */
export function PolicyForm({
  productId,
  onCreated,
}: {
  readonly productId: string;
  readonly onCreated: () => void;
}) {
  const session = useSession();
  const speech = useSpeech();
  const w = speech.words.policy;
  const [draft, setDraft] = useState<Draft>(START);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const set = (key: keyof Draft) => (e: { currentTarget: HTMLInputElement | HTMLSelectElement }) =>
    setDraft({ ...draft, [key]: e.currentTarget.value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = validate(draft, speech);
    setErrors(checked.errors);
    if (Object.keys(checked.errors).length > 0) {
      document.querySelector<HTMLElement>("#policy-form [aria-invalid='true']")?.focus();
      return;
    }
    const body: PolicyInput = { productId, ...checked.input };
    const answer = await session.call("POST", "/v1/admin/policies", body);
    const created = answer.kind === "ok" ? readAs(PolicySchema, answer.body) : undefined;
    setProblem(created ? undefined : problemOf(answer, speech));
    if (!created) return;
    setStatus(speech.t(speech.words.products.created, { name: created.name }));
    setDraft(START);
    onCreated();
  };

  const text = (key: keyof Draft, label: string, hint: string, mode: "text" | "numeric" | "decimal") => (
    <Field id={`policy-${key}`} label={label} hint={hint} error={errors[key]}>
      {(describedBy, invalid) => (
        <input
          id={`policy-${key}`}
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
    <form id="policy-form" noValidate onSubmit={submit} class="panel">
      <h3>{speech.words.products.newPolicy}</h3>
      {text("name", w.name, w.nameHint, "text")}
      <Field id="policy-channel" label={w.channel} hint={w.channelHint}>
        {(describedBy) => (
          <select
            id="policy-channel"
            value={draft.channel}
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
          id="policy-transferable"
          type="checkbox"
          checked={draft.transferable}
          aria-describedby="policy-transferable-hint"
          onChange={(e) => setDraft({ ...draft, transferable: e.currentTarget.checked })}
        />
        <label for="policy-transferable">{w.transferable}</label>
        <p id="policy-transferable-hint" class="hint">
          {w.transferableHint}
        </p>
      </div>
      {text("transfersPerYear", w.transfersPerYear, w.transfersPerYearHint, "numeric")}
      {text("entitlements", w.entitlements, w.entitlementsHint, "text")}
      <ProblemNote problem={problem} />
      <button type="submit" class="primary">
        {speech.words.products.create}
      </button>
      <Status text={status} />
    </form>
  );
}
