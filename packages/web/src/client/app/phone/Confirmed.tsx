import type { Confirmation } from "@ninsho/contract";
import { useState } from "preact/hooks";
import { ActivationHeading } from "../ActivationHeading.js";
import { CidGroups } from "../CidGroups.js";
import { type Speech, useSpeech } from "../i18n.js";

/** Lease days that mean "no end" in a confirmation ID's terms. */
const NO_END = 4095;

/** What the confirmation grants, in the page's words. */
function grantLines(c: Confirmation, movedFrom: string | undefined, { words, t, day }: Speech): string[] {
  const w = words.phone;
  const { grant } = c;
  const lines =
    grant.leaseDays >= NO_END || grant.leaseExpiresAt === undefined
      ? [w.leaseForever]
      : [t(w.leaseUntil, { date: day(grant.leaseExpiresAt), days: grant.leaseDays })];
  if (grant.graceDays > 0 && grant.graceEndsAt !== undefined)
    lines.push(t(w.graceUntil, { days: grant.graceDays, date: day(grant.graceEndsAt) }));
  lines.push(t(w.deviceLine, { name: c.device.name }));
  if (c.replayed) lines.push(w.replayed);
  else if (c.transferredFrom !== undefined)
    lines.push(t(w.transferredFrom, { device: movedFrom ?? c.transferredFrom }));
  else if (c.decision?.outcome === "recognized") lines.push(w.recognized);
  else if (c.decision?.outcome === "new_device") lines.push(w.newDevice);
  return lines;
}

/**
 * The confirmation ID in large numbered groups, to type group by group, and what it grants.
 * `movedFrom`: the name of the device a transfer took the slot from (a name says more than its id).
 */
export function Confirmed(props: {
  readonly confirmation: Confirmation;
  readonly movedFrom: string | undefined;
  readonly startOver: () => void;
}) {
  const speech = useSpeech();
  const w = speech.words.phone;
  const c = props.confirmation;
  const [copied, setCopied] = useState(false);
  // The clipboard needs a secure context (https or localhost); without one the button would only fail.
  const canCopy = window.isSecureContext && navigator.clipboard !== undefined;
  return (
    <>
      {/* The caller proved the key, so the answer is headed with the product it activates. */}
      <ActivationHeading id="answer-heading" level={2} product={c.license.productName} />
      <h3>{w.resultHeading}</h3>
      <p>{w.resultIntro}</p>
      <CidGroups id="confirmation-id" groups={c.groups} confirmationId={c.confirmationId} />
      <ul class="grant">
        {grantLines(c, props.movedFrom, speech).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div class="actions">
        {canCopy && (
          <button
            type="button"
            class="secondary"
            onClick={() => void navigator.clipboard.writeText(c.confirmationId).then(() => setCopied(true))}
          >
            {copied ? w.copied : w.copy}
          </button>
        )}
        <button type="button" class="secondary" onClick={props.startOver}>
          {w.startOver}
        </button>
      </div>
    </>
  );
}
