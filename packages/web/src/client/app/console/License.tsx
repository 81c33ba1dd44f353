import { LicenseDetailSchema, TimelineSchema } from "@ninsho/contract";
import { useState } from "preact/hooks";
import { useSpeech } from "../i18n.js";
import { useLoad } from "../load.js";
import { Link } from "../router.js";
import { ProblemNote, Status } from "../ui.js";
import { Action } from "./Action.js";
import { ExtendAction } from "./Extend.js";
import { LicenseRules } from "./Overrides.js";
import { Seats } from "./Seats.js";
import { useSession } from "./session.js";
import { eventWords } from "./timeline.js";

/** A license: its facts, its devices (each with deactivate), actions with a reason, and its timeline in words. */
export function LicensePage({ id }: { readonly id: string }) {
  const session = useSession();
  const speech = useSpeech();
  const { words, t, when } = speech;
  const w = words.license;
  const license = useLoad(LicenseDetailSchema, () => session.call("GET", `/v1/admin/licenses/${id}`), [id]);
  const timeline = useLoad(TimelineSchema, () => session.call("GET", `/v1/admin/licenses/${id}/timeline`), [
    id,
  ]);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const done = () => {
    setStatus(w.actionDone);
    license.reload();
    timeline.reload();
  };
  const data = license.data;
  const canAct = session.me.role !== "readonly";
  return (
    <>
      <h1>{t(w.title, { id })}</h1>
      <ProblemNote problem={license.problem ?? timeline.problem} />
      <Status text={status} />
      {data && (
        <>
          <dl class="facts">
            <dt>{w.state}</dt>
            <dd>{words.states[data.state]}</dd>
            <dt>{w.product}</dt>
            <dd>
              <code>{data.productId}</code>
            </dd>
            <dt>{w.policy}</dt>
            <dd>
              <code>{data.policyId}</code>
            </dd>
            <dt>{w.owner}</dt>
            <dd>{data.ownerEmail ?? "—"}</dd>
            <dt>{w.created}</dt>
            <dd>{when(data.createdAt)}</dd>
            <dt>{w.expires}</dt>
            <dd>{when(data.expiresAt)}</dd>
          </dl>
          <p>
            <Link href={`/console/why/${id}`}>{w.why}</Link>
          </p>
          <section aria-labelledby="devices-heading">
            <h2 id="devices-heading">{w.devicesHeading}</h2>
            {data.devices.length === 0 && <p>{w.noDevices}</p>}
            <ul class="devices">
              {data.devices.map((d) => (
                <li key={d.id} class={d.deactivatedAt === undefined ? "" : "gone"} data-device-id={d.id}>
                  <span>
                    <strong>{d.name}</strong> · {d.platform} · <code>{d.id}</code>
                    <br />
                    {w.activated} {when(d.activatedAt)} · {w.lastSeen} {when(d.lastSeenAt)}
                    {d.deactivatedAt !== undefined && (
                      <> · {t(w.deactivated, { date: when(d.deactivatedAt) })}</>
                    )}
                  </span>
                  {canAct && d.deactivatedAt === undefined && (
                    <Action
                      id={`deactivate-${d.id}`}
                      label={w.deactivate}
                      path={`/v1/admin/devices/${d.id}/deactivate`}
                      onDone={done}
                    />
                  )}
                </li>
              ))}
            </ul>
          </section>
          <Seats licenseId={id} />
          <LicenseRules license={data} onDone={done} />
          {canAct && (
            <section aria-labelledby="actions-heading">
              <h2 id="actions-heading">{w.actionsHeading}</h2>
              <div class="buttons">
                <ExtendAction id="extend" licenseId={id} expiresAt={data.expiresAt} onDone={done} />
                <Action
                  id="note"
                  label={w.note}
                  path={`/v1/admin/licenses/${id}/notes`}
                  text={{ key: "text", label: w.noteText, hint: w.noteHint }}
                  onDone={done}
                />
                {session.me.role !== "admin" ? null : data.status === "active" ? (
                  <Action
                    id="suspend"
                    label={w.suspend}
                    path={`/v1/admin/licenses/${id}/suspend`}
                    onDone={done}
                  />
                ) : (
                  <Action
                    id="reinstate"
                    label={w.reinstate}
                    path={`/v1/admin/licenses/${id}/reinstate`}
                    onDone={done}
                  />
                )}
              </div>
            </section>
          )}
        </>
      )}
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{w.timelineHeading}</h2>
        <ol class="timeline">
          {[...(timeline.data?.events ?? [])].reverse().map((event) => {
            const said = eventWords(event, speech);
            return (
              <li key={event.id} data-event={event.type}>
                <strong>{said.what}</strong> <time dateTime={event.createdAt}>{when(event.createdAt)}</time>
                {said.lines.map((line) => (
                  <p key={line} class="hint">
                    {line}
                  </p>
                ))}
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}
