import { useState } from "preact/hooks";
import { useSpeech } from "../i18n.js";
import { Action } from "./Action.js";

const DAY_MS = 86_400_000;

/**
 * Extend a license by a number of days from its expiry (or from now, when it has passed or never was set),
 * with a reason; the admin role's (POST …/extend).
 * @example
 * <ExtendAction id="extend" licenseId="lic_1" expiresAt={license.expiresAt} onDone={reload} />
 */
export function ExtendAction(props: {
  readonly id: string;
  readonly licenseId: string;
  readonly expiresAt: string | undefined;
  readonly onDone: () => void;
}) {
  const { words } = useSpeech();
  const [days, setDays] = useState("365");
  return (
    <Action
      id={props.id}
      label={words.license.extend}
      path={`/v1/admin/licenses/${props.licenseId}/extend`}
      body={() => {
        const base = Math.max(Date.now(), props.expiresAt === undefined ? 0 : Date.parse(props.expiresAt));
        return { expiresAt: new Date(base + Number(days) * DAY_MS).toISOString() };
      }}
      extra={
        <div class="field">
          <label for={`${props.id}-days`}>{words.license.extendDays}</label>
          <input
            id={`${props.id}-days`}
            inputMode="numeric"
            value={days}
            onInput={(e) => setDays(e.currentTarget.value)}
          />
        </div>
      }
      onDone={props.onDone}
    />
  );
}
