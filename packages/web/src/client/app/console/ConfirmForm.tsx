import {
  type Confirmation,
  ConfirmationSchema,
  readAs,
  type SupportConfirmationRequest,
} from "@ninsho/contract";
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { ApiProblem } from "../../api.js";
import { ActivationHeading } from "../ActivationHeading.js";
import { CidGroups } from "../CidGroups.js";
import { useSpeech } from "../i18n.js";
import { Field, ProblemNote, problemOf } from "../ui.js";
import { useSession } from "./session.js";

type Errors = Partial<Record<"iid" | "reason" | "from", string>>;

/** One text field of these forms, with its explanation and what is wrong with it. */
function Text(props: {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  readonly error: string | undefined;
  readonly value: string;
  readonly set: (value: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {(describedBy, invalid) => (
        <input
          id={props.id}
          value={props.value}
          autoComplete="off"
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onInput={(e) => props.set(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export interface ConfirmFormProps {
  /** Prefix of the form's ids: `${name}-form`, `${name}-iid`, `${name}-reason`, `${name}-cid`. */
  readonly name: string;
  readonly heading: string;
  readonly hint: string;
  readonly submit: string;
  /** Said above the confirmation ID once issued. */
  readonly done: string;
  /** With a value (an empty one is missing), the old device the new machine replaces: a move by support. */
  readonly from?: string;
  /** What comes before the installation ID (the device to move from), given what is wrong with `from`. */
  readonly lead?: (fromError: string | undefined) => ComponentChildren;
  /** What comes between the installation ID and the reason (whose license it is). */
  readonly children?: (iid: string) => ComponentChildren;
  /** The ID was confirmed. */
  readonly onConfirmed: (confirmation: Confirmation) => void;
}

/**
 * A phone activation by support (POST /v1/admin/offline/confirmations): the installation ID the caller reads
 * out, and why; with `from`, a transfer by support, which needs no owner's code. The same route and rules as
 * the caller's own phone activation, with the staff token in the timeline; the confirmation ID is shown in
 * numbered groups to read out, headed with the product it activates as on the caller's own phone page.
 */
export function ConfirmForm(props: ConfirmFormProps) {
  const session = useSession();
  const speech = useSpeech();
  const { common } = speech.words;
  const w = speech.words.why;
  const [iid, setIid] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [confirmed, setConfirmed] = useState<Confirmation | undefined>(undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Errors = {};
    if (iid.trim() === "") found.iid = common.required;
    if (reason.trim() === "") found.reason = common.reasonMissing;
    if (props.from === "") found.from = common.required;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body: SupportConfirmationRequest = {
      installationId: iid.trim(),
      reason: reason.trim(),
      ...(props.from === undefined ? {} : { transferFromDeviceId: props.from }),
    };
    const answer = await session.call("POST", "/v1/admin/offline/confirmations", body);
    const done = answer.kind === "ok" ? readAs(ConfirmationSchema, answer.body) : undefined;
    setProblem(done ? undefined : problemOf(answer, speech));
    setConfirmed(done);
    if (done) props.onConfirmed(done);
  };

  return (
    <form id={`${props.name}-form`} noValidate onSubmit={(event) => void submit(event)} class="panel">
      <h3>{props.heading}</h3>
      <p class="hint">{props.hint}</p>
      {props.lead?.(errors.from)}
      <Text
        id={`${props.name}-iid`}
        label={w.iid}
        hint={w.iidHint}
        error={errors.iid}
        value={iid}
        set={setIid}
      />
      {props.children?.(iid)}
      <Text
        id={`${props.name}-reason`}
        label={common.reason}
        hint={common.reasonHint}
        error={errors.reason}
        value={reason}
        set={setReason}
      />
      <ProblemNote problem={problem} />
      <button type="submit" class="primary">
        {props.submit}
      </button>
      {confirmed && (
        <>
          <ActivationHeading id={`${props.name}-product`} level={4} product={confirmed.license.productName} />
          <p role="status">{props.done}</p>
          <CidGroups id={`${props.name}-cid`} groups={confirmed.groups} />
        </>
      )}
    </form>
  );
}
