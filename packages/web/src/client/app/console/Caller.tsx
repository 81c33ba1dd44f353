import {
  type AdminDevice,
  ConfirmationSchema,
  type InstallationOwner,
  InstallationOwnerSchema,
  readAs,
  type SupportConfirmationRequest,
} from "@ninsho/contract";
import { useState } from "preact/hooks";
import type { ApiProblem } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { Field, ProblemNote, problemOf } from "../ui.js";
import { useSession } from "./session.js";

type Errors = Partial<Record<"iid" | "reason" | "from", string>>;

/** A confirmation ID as the caller hears it: numbered groups of six, each read (and announced) as one unit. */
function Groups({ id, groups }: { readonly id: string; readonly groups: readonly string[] }) {
  const { t, words } = useSpeech();
  return (
    <ol class="cid" id={id}>
      {groups.map((digits, i) => (
        <li key={`${i}-${digits}`}>
          <span class="cid-n" aria-hidden="true">
            {i + 1}
          </span>
          <span class="cid-digits" aria-hidden="true" data-cid-group={i + 1}>
            {digits}
          </span>
          <span class="sr-only">
            {t(words.why.groupLabel, { n: i + 1 })}: {digits.split("").join(" ")}
          </span>
        </li>
      ))}
    </ol>
  );
}

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

/**
 * A phone activation by support: the installation ID the caller reads out, and why; with `from`, the old
 * device the new machine replaces (a transfer by support, which needs no owner's code). The same route and
 * rules as the caller's own phone activation, with the staff token in the timeline.
 */
function useConfirm(licenseId: string) {
  const session = useSession();
  const speech = useSpeech();
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [groups, setGroups] = useState<readonly string[] | undefined>(undefined);
  const confirm = async (iid: string, reason: string, from?: string) => {
    const found: Errors = {};
    if (iid.trim() === "") found.iid = speech.words.common.required;
    if (reason.trim() === "") found.reason = speech.words.common.reasonMissing;
    if (from === "") found.from = speech.words.common.required;
    setErrors(found);
    if (Object.keys(found).length > 0) return false;
    const body: SupportConfirmationRequest = {
      installationId: iid.trim(),
      reason: reason.trim(),
      ...(from === undefined ? {} : { transferFromDeviceId: from }),
    };
    const answer = await session.call("POST", "/v1/admin/offline/confirmations", body);
    const done = answer.kind === "ok" ? readAs(ConfirmationSchema, answer.body) : undefined;
    // The caller's installation ID may name another license than this page's: say so, the answer stands.
    setProblem(done ? undefined : problemOf(answer, speech));
    setGroups(done?.groups);
    return done !== undefined && done.license.id === licenseId;
  };
  return { errors, problem, groups, confirm };
}

/** Move the license to the caller's new computer: the old device chosen, the new one's installation ID. */
export function MoveToNewDevice(props: {
  readonly licenseId: string;
  readonly devices: readonly AdminDevice[];
  readonly onDone: () => void;
}) {
  const { words } = useSpeech();
  const w = words.why;
  const [from, setFrom] = useState("");
  const [iid, setIid] = useState("");
  const [reason, setReason] = useState("");
  const { errors, problem, groups, confirm } = useConfirm(props.licenseId);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await confirm(iid, reason, from)) props.onDone();
  };
  return (
    <form id="move-form" noValidate onSubmit={submit} class="panel">
      <h3>{w.moveHeading}</h3>
      <p class="hint">{w.moveHint}</p>
      <Field id="move-from" label={w.moveFrom} hint={w.moveFromHint} error={errors.from}>
        {(describedBy, invalid) => (
          <select
            id="move-from"
            value={from}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(e) => setFrom(e.currentTarget.value)}
          >
            <option value="">—</option>
            {props.devices.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} · {d.platform} · {d.id}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Text id="move-iid" label={w.iid} hint={w.iidHint} error={errors.iid} value={iid} set={setIid} />
      <Text
        id="move-reason"
        label={words.common.reason}
        hint={words.common.reasonHint}
        error={errors.reason}
        value={reason}
        set={setReason}
      />
      <ProblemNote problem={problem} />
      <button type="submit" class="primary">
        {w.move}
      </button>
      {groups && (
        <>
          <p role="status">{w.moved}</p>
          <Groups id="move-cid" groups={groups} />
        </>
      )}
    </form>
  );
}

/**
 * A caller's phone confirmation: first whose license the installation ID belongs to (product, license, state
 * and the owner's address masked, as POST /v1/admin/offline/installations answers), so support checks it
 * with the caller without reading an address out; then the confirmation ID.
 */
export function CallerConfirmation(props: { readonly licenseId: string; readonly onDone: () => void }) {
  const session = useSession();
  const speech = useSpeech();
  const { words, t } = speech;
  const w = words.why;
  const [iid, setIid] = useState("");
  const [reason, setReason] = useState("");
  const [owner, setOwner] = useState<InstallationOwner | undefined>(undefined);
  const [lookup, setLookup] = useState<ApiProblem | undefined>(undefined);
  const { errors, problem, groups, confirm } = useConfirm(props.licenseId);
  const find = async () => {
    if (iid.trim() === "") return;
    const answer = await session.call("POST", "/v1/admin/offline/installations", {
      installationId: iid.trim(),
    });
    const found = answer.kind === "ok" ? readAs(InstallationOwnerSchema, answer.body) : undefined;
    setLookup(found ? undefined : problemOf(answer, speech));
    setOwner(found);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await confirm(iid, reason)) props.onDone();
  };
  return (
    <form id="caller-form" noValidate onSubmit={submit} class="panel">
      <h3>{w.callerHeading}</h3>
      <p class="hint">{w.callerHint}</p>
      <Text id="caller-iid" label={w.iid} hint={w.iidHint} error={errors.iid} value={iid} set={setIid} />
      <button type="button" class="secondary" onClick={() => void find()}>
        {w.callerFind}
      </button>
      <ProblemNote problem={lookup} />
      <div role="status" id="caller-owner">
        {owner && (
          <p>
            {t(w.callerBelongs, {
              id: owner.license.id,
              product: owner.license.productName,
              owner: owner.owner.email ?? w.callerNoOwner,
            })}{" "}
            {words.states[owner.license.state]}.{" "}
            {owner.license.id !== props.licenseId && <strong>{w.callerOtherLicense}</strong>}
          </p>
        )}
      </div>
      <Text
        id="caller-reason"
        label={words.common.reason}
        hint={words.common.reasonHint}
        error={errors.reason}
        value={reason}
        set={setReason}
      />
      <ProblemNote problem={problem} />
      <button type="submit" class="primary">
        {w.callerIssue}
      </button>
      {groups && (
        <>
          <p role="status">{w.confirmation}</p>
          <Groups id="caller-cid" groups={groups} />
        </>
      )}
    </form>
  );
}
