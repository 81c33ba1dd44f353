import { LicenseDetailSchema, PolicySchema, RefusalsSchema, TimelineSchema } from "@ninsho/contract";
import { useState } from "preact/hooks";
import { useSpeech } from "../i18n.js";
import { useLoad } from "../load.js";
import { Link } from "../router.js";
import { ProblemNote, Status } from "../ui.js";
import { Action } from "./Action.js";
import { CallerConfirmation, MoveToNewDevice } from "./Caller.js";
import { ExtendAction } from "./Extend.js";
import { SearchBox } from "./Search.js";
import { Seats } from "./Seats.js";
import { useSession } from "./session.js";

const YEAR_MS = 365 * 86_400_000;

/** Floating and workload licenses hand out seats from a pool instead of activating devices. */
const isPool = (channel: string): boolean => channel === "floating" || channel === "workload";

/** Support's "why" page: find the license by any identifier, then its last refusals explained and the fixes. */
export function WhyPage({ licenseId }: { readonly licenseId?: string }) {
  const { words } = useSpeech();
  return (
    <>
      <h1>{words.why.title}</h1>
      <p class="intro">{words.why.intro}</p>
      <SearchBox open={(id) => `/console/why/${id}`} />
      {licenseId !== undefined && <Explained id={licenseId} />}
    </>
  );
}

function Explained({ id }: { readonly id: string }) {
  const session = useSession();
  const speech = useSpeech();
  const { words, t, when } = speech;
  const license = useLoad(LicenseDetailSchema, () => session.call("GET", `/v1/admin/licenses/${id}`), [id]);
  const timeline = useLoad(TimelineSchema, () => session.call("GET", `/v1/admin/licenses/${id}/timeline`), [
    id,
  ]);
  const policyId = license.data?.policyId;
  const policy = useLoad(
    PolicySchema,
    () => session.call("GET", `/v1/admin/policies/${policyId ?? "pol_none"}`),
    [policyId],
  );
  const refusals = useLoad(RefusalsSchema, () => session.call("GET", `/v1/admin/licenses/${id}/refusals`), [
    id,
  ]);
  const events = timeline.data?.events ?? [];
  const yearAgo = Date.now() - YEAR_MS;
  const moved = events.filter(
    (e) => e.type === "device.transferred" && Date.parse(e.createdAt) >= yearAgo,
  ).length;
  const active = (license.data?.devices ?? []).filter((d) => d.deactivatedAt === undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const reload = () => {
    setStatus(words.license.actionDone);
    license.reload();
    timeline.reload();
    refusals.reload();
  };
  return (
    <section aria-labelledby="why-heading" class="panel">
      <h2 id="why-heading">
        <Link href={`/console/licenses/${id}`}>{t(words.license.title, { id })}</Link>
      </h2>
      <ProblemNote problem={license.problem ?? timeline.problem} />
      {/* A seat pool is counted in seats held, not devices: its devices are not activated (see Seats). */}
      {policy.data && isPool(policy.data.channel) && <Seats licenseId={id} />}
      {policy.data && !isPool(policy.data.channel) && (
        <p>
          {t(words.why.limits, {
            used: active.length,
            max: policy.data.maxDevices,
            left: policy.data.transferable ? Math.max(0, policy.data.transfersPerYear - moved) : 0,
          })}
        </p>
      )}
      <h3>{words.why.refusalsHeading}</h3>
      {refusals.data && refusals.data.refusals.length === 0 && <p>{words.why.noRefusals}</p>}
      <ol class="timeline refusals">
        {(refusals.data?.refusals ?? []).map((r) => (
          <li key={r.at}>
            <strong>{r.message}</strong> <time dateTime={r.at}>{when(r.at)}</time>
            <p>{r.remedy}</p>
            {r.score !== undefined && (
              <p>{t(words.timeline.score, { score: r.score, threshold: r.threshold ?? "?" })}</p>
            )}
            {r.changed.length > 0 && (
              <p>
                {t(words.timeline.changed, {
                  list: r.changed.map((c) => `${c.kind} (${c.outcome})`).join(", "),
                })}
              </p>
            )}
            <p class="hint">
              {t(words.common.errorCode, { code: r.code })} ·{" "}
              <a href={`/docs/errors?lang=${speech.locale}#${r.code}`}>{words.common.docsLink}</a>
            </p>
          </li>
        ))}
      </ol>
      {/* Readonly tokens read the explanation; every fix below is refused to them by its route. */}
      {session.me.role !== "readonly" && (
        <>
          <h3>{words.license.actionsHeading}</h3>
          <Status text={status} />
          <ul class="devices">
            {active.map((d) => (
              <li key={d.id}>
                <span>
                  <strong>{d.name}</strong> · {d.platform} · {words.license.lastSeen} {when(d.lastSeenAt)}
                </span>
                <Action
                  id={`why-deactivate-${d.id}`}
                  label={words.license.deactivate}
                  path={`/v1/admin/devices/${d.id}/deactivate`}
                  onDone={reload}
                />
              </li>
            ))}
          </ul>
          <div class="buttons">
            <Action
              id="why-note"
              label={words.license.note}
              path={`/v1/admin/licenses/${id}/notes`}
              text={{ key: "text", label: words.license.noteText, hint: words.license.noteHint }}
              onDone={reload}
            />
            {/* Support's extension is the bounded goodwill one (the route enforces it; the form says so). */}
            {license.data && (
              <ExtendAction
                id="why-extend"
                licenseId={id}
                expiresAt={license.data.expiresAt}
                onDone={reload}
              />
            )}
          </div>
          {license.data?.boundComponent && (
            <>
              <h3>{words.why.repairHeading}</h3>
              <p class="hint">{t(words.why.repairHint, { kind: license.data.boundComponent.kind })}</p>
              {license.data.warrantyRepair ? (
                <p>{words.why.repairPending}</p>
              ) : (
                <Action
                  id="why-repair"
                  label={words.why.repair}
                  path={`/v1/admin/licenses/${id}/warranty-repairs`}
                  onDone={reload}
                />
              )}
            </>
          )}
          {active.length > 0 && <MoveToNewDevice licenseId={id} devices={active} onDone={reload} />}
          <CallerConfirmation licenseId={id} onDone={reload} />
        </>
      )}
    </section>
  );
}
