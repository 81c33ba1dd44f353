import { type AdminDevice, type InstallationOwner, InstallationOwnerSchema, readAs } from "@ninsho/contract";
import { useState } from "preact/hooks";
import type { ApiProblem } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { Field, ProblemNote, problemOf } from "../ui.js";
import { ConfirmForm } from "./ConfirmForm.js";
import { useSession } from "./session.js";

/** Move the license to the caller's new computer: the old device chosen, the new one's installation ID. */
export function MoveToNewDevice(props: {
  readonly licenseId: string;
  readonly devices: readonly AdminDevice[];
  readonly onDone: () => void;
}) {
  const { words } = useSpeech();
  const w = words.why;
  const [from, setFrom] = useState("");
  return (
    <ConfirmForm
      name="move"
      heading={w.moveHeading}
      hint={w.moveHint}
      submit={w.move}
      done={w.moved}
      from={from}
      onConfirmed={(done) => done.license.id === props.licenseId && props.onDone()}
      lead={(error) => (
        <Field id="move-from" label={w.moveFrom} hint={w.moveFromHint} error={error}>
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
      )}
    />
  );
}

/**
 * Whose license an installation ID belongs to (product, license, state and the owner's address masked, as
 * POST /v1/admin/offline/installations answers), so support checks it with the caller without reading an
 * address out. `licenseId`: the license of the page, which another license's ID is flagged against.
 */
function OwnerLookup({ iid, licenseId }: { readonly iid: string; readonly licenseId: string | undefined }) {
  const session = useSession();
  const speech = useSpeech();
  const { words, t } = speech;
  const w = words.why;
  const [owner, setOwner] = useState<InstallationOwner | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const find = async () => {
    if (iid.trim() === "") return;
    const answer = await session.call("POST", "/v1/admin/offline/installations", {
      installationId: iid.trim(),
    });
    const found = answer.kind === "ok" ? readAs(InstallationOwnerSchema, answer.body) : undefined;
    setProblem(found ? undefined : problemOf(answer, speech));
    setOwner(found);
  };
  return (
    <>
      <button type="button" class="secondary" onClick={() => void find()}>
        {w.callerFind}
      </button>
      <ProblemNote problem={problem} />
      <div role="status" id="caller-owner">
        {owner && (
          <p>
            {t(w.callerBelongs, {
              id: owner.license.id,
              product: owner.license.productName,
              owner: owner.owner.email ?? w.callerNoOwner,
            })}{" "}
            {words.states[owner.license.state]}.{" "}
            {licenseId !== undefined && owner.license.id !== licenseId && (
              <strong>{w.callerOtherLicense}</strong>
            )}
          </p>
        )}
      </div>
    </>
  );
}

/**
 * A caller's phone confirmation: first whose license the installation ID belongs to, then the confirmation ID.
 * On a license's page (`licenseId`), `onDone` follows a confirmation of that license; at /console/phone the
 * caller's license is whichever the ID names.
 */
export function CallerConfirmation(props: { readonly licenseId?: string; readonly onDone?: () => void }) {
  const { words } = useSpeech();
  const w = words.why;
  return (
    <ConfirmForm
      name="caller"
      heading={w.callerHeading}
      hint={w.callerHint}
      submit={w.callerIssue}
      done={w.confirmation}
      onConfirmed={(done) =>
        (props.licenseId === undefined || done.license.id === props.licenseId) && props.onDone?.()
      }
    >
      {(iid) => <OwnerLookup iid={iid} licenseId={props.licenseId} />}
    </ConfirmForm>
  );
}
