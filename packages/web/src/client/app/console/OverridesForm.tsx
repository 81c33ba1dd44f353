import type { LicenseDetail, OverridesPatch, Policy } from "@ninsho/contract";
import { useState } from "preact/hooks";
import type { ApiProblem } from "../../api.js";
import { fieldIssues } from "../fieldIssues.js";
import { useSpeech } from "../i18n.js";
import { Field, ProblemNote, problemOf } from "../ui.js";
import { useSession } from "./session.js";

type Key = "maxDevices" | "transfersPerYear" | "transferable" | "reason";
type Errors = Partial<Record<Key, string>>;

/** A typed limit: blank follows the policy (null), else a whole number in [min, max]; a string when wrong. */
function limit(text: string, min: number, max: number): number | null | string {
  if (text.trim() === "") return null;
  const n = Number(text);
  return /^\d+$/.test(text.trim()) && n >= min && n <= max ? n : `${min}-${max}`;
}

/**
 * The admin's form for a license's own rules: device limit and moves per year (blank follows the policy),
 * whether it may move, and why (PATCH …/overrides); a value the server refuses is named at its field.
 * @example
 * <OverridesForm license={license} policy={policy} onDone={reload} />
 */
export function OverridesForm({
  license,
  policy,
  onDone,
}: {
  readonly license: LicenseDetail;
  readonly policy: Policy;
  readonly onDone: () => void;
}) {
  const session = useSession();
  const speech = useSpeech();
  const { words, t } = speech;
  const w = words.overrides;
  const own = license.overrides ?? {};
  const [maxDevices, setMaxDevices] = useState(own.maxDevices === undefined ? "" : String(own.maxDevices));
  const [moves, setMoves] = useState(own.transfersPerYear === undefined ? "" : String(own.transfersPerYear));
  const [movable, setMovable] = useState(
    own.transferable === undefined ? "policy" : String(own.transferable),
  );
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Errors = {};
    const devices = limit(maxDevices, 1, 1_000_000);
    const perYear = limit(moves, 0, 1000);
    const range = (value: string) => {
      const [min = "", max = ""] = value.split("-");
      return t(words.policy.badNumber, { min, max });
    };
    if (typeof devices === "string") found.maxDevices = range(devices);
    if (typeof perYear === "string") found.transfersPerYear = range(perYear);
    if (reason.trim() === "") found.reason = words.common.reasonMissing;
    setErrors(found);
    if (Object.keys(found).length > 0 || typeof devices === "string" || typeof perYear === "string") return;
    const body: OverridesPatch = {
      maxDevices: devices,
      transfersPerYear: perYear,
      transferable: movable === "policy" ? null : movable === "true",
      reason: reason.trim(),
    };
    const answer = await session.call("PATCH", `/v1/admin/licenses/${license.id}/overrides`, body);
    const refused = problemOf(answer, speech);
    setProblem(refused);
    const server: Errors = {};
    for (const [path, message] of fieldIssues(refused))
      if (
        path === "maxDevices" ||
        path === "transfersPerYear" ||
        path === "transferable" ||
        path === "reason"
      )
        server[path] = t(words.common.serverRefused, { message });
    setErrors(server);
    if (refused !== undefined) return;
    setReason("");
    onDone();
  };

  const input = (id: Key, label: string, hint: string, value: string, set: (v: string) => void) => (
    <Field id={`override-${id}`} label={label} hint={hint} error={errors[id]}>
      {(describedBy, invalid) => (
        <input
          id={`override-${id}`}
          inputMode={id === "reason" ? "text" : "numeric"}
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onInput={(e) => set(e.currentTarget.value)}
        />
      )}
    </Field>
  );

  return (
    <form id="overrides-form" noValidate onSubmit={submit} class="panel">
      <h3>{w.formHeading}</h3>
      {input(
        "maxDevices",
        words.policy.maxDevices,
        t(w.maxDevicesHint, { policy: policy.maxDevices }),
        maxDevices,
        setMaxDevices,
      )}
      {input(
        "transfersPerYear",
        words.policy.transfersPerYear,
        t(w.transfersHint, { policy: policy.transfersPerYear }),
        moves,
        setMoves,
      )}
      <Field
        id="override-transferable"
        label={w.transferable}
        hint={w.transferableHint}
        error={errors.transferable}
      >
        {(describedBy) => (
          <select
            id="override-transferable"
            value={movable}
            aria-describedby={describedBy}
            onChange={(e) => setMovable(e.currentTarget.value)}
          >
            <option value="policy">{w.followPolicy}</option>
            <option value="true">{w.yes}</option>
            <option value="false">{w.no}</option>
          </select>
        )}
      </Field>
      {input("reason", words.common.reason, words.common.reasonHint, reason, setReason)}
      <ProblemNote problem={problem} />
      <button type="submit" class="primary">
        {w.save}
      </button>
    </form>
  );
}
