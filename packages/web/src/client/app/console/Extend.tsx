import { SUPPORT_EXTENSION_DAYS, supportExtensionLimit } from "@ninsho/core";
import { useState } from "preact/hooks";
import { useSpeech } from "../i18n.js";
import { Action } from "./Action.js";
import { useSession } from "./session.js";

const DAY_MS = 86_400_000;

/** The expiry `days` after the later of now and `expiresAt` (what the server's limit counts from too). */
function newExpiry(expiresAt: string | undefined, days: number): Date {
  const base = Math.max(Date.now(), expiresAt === undefined ? 0 : Date.parse(expiresAt));
  return new Date(base + days * DAY_MS);
}

/**
 * Extend a license by a number of days from its expiry (or from now, when it has passed or never was set),
 * with a reason, showing the date it gives (POST …/extend). An admin chooses freely; support gets the goodwill
 * extension, at most 30 days, and is told its limit and the latest date up front — the server decides, and its
 * refusal (EXTENSION_BEYOND_SUPPORT_LIMIT, SUPPORT_EXTENSION_TOO_SOON) is shown in its words.
 * @example
 * <ExtendAction id="extend" licenseId="lic_1" expiresAt={license.expiresAt} onDone={reload} />
 */
export function ExtendAction(props: {
  readonly id: string;
  readonly licenseId: string;
  readonly expiresAt: string | undefined;
  readonly onDone: () => void;
}) {
  const { words, t, when } = useSpeech();
  const support = useSession().me.role !== "admin";
  const [days, setDays] = useState(support ? String(SUPPORT_EXTENSION_DAYS) : "365");
  if (support && props.expiresAt === undefined) return <p class="hint">{words.license.extendSupportNever}</p>;
  const count = Number(days);
  const latest = supportExtensionLimit(props.expiresAt, new Date());
  return (
    <Action
      id={props.id}
      label={words.license.extend}
      path={`/v1/admin/licenses/${props.licenseId}/extend`}
      body={() => ({ expiresAt: newExpiry(props.expiresAt, Number(days)).toISOString() })}
      extra={
        <div class="field">
          <label for={`${props.id}-days`}>{words.license.extendDays}</label>
          <input
            id={`${props.id}-days`}
            type="number"
            inputMode="numeric"
            min={1}
            {...(support ? { max: SUPPORT_EXTENSION_DAYS } : {})}
            value={days}
            aria-describedby={`${props.id}-days-hint`}
            onInput={(e) => setDays(e.currentTarget.value)}
          />
          <p id={`${props.id}-days-hint`} class="hint" aria-live="polite">
            {Number.isFinite(count) &&
              count > 0 &&
              t(words.license.extendResult, { date: when(newExpiry(props.expiresAt, count).toISOString()) })}
            {support &&
              ` ${t(words.license.extendSupportLimit, { days: SUPPORT_EXTENSION_DAYS, latest: when(latest) })}`}
          </p>
        </div>
      }
      onDone={props.onDone}
    />
  );
}
