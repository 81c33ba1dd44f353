import { AuditListSchema } from "@ninsho/contract";
import { useSpeech } from "../i18n.js";
import { useLoad } from "../load.js";
import { ProblemNote } from "../ui.js";
import { useSession } from "./session.js";
import { actorWords } from "./timeline.js";

/** The admin audit log, newest first: what staff changed, who, when, on what and why. */
export function AuditPage() {
  const session = useSession();
  const speech = useSpeech();
  const { words, t, when } = speech;
  const w = words.audit;
  const audit = useLoad(AuditListSchema, () => session.call("GET", "/v1/admin/audit?limit=200"), []);
  const entries = audit.data?.entries ?? [];
  return (
    <>
      <h1>{w.title}</h1>
      <p class="intro">{w.intro}</p>
      <ProblemNote problem={audit.problem} />
      {audit.data && entries.length === 0 && <p>{w.none}</p>}
      <ol class="timeline">
        {entries.map((entry) => (
          <li key={entry.id}>
            <code>{entry.type}</code> <time dateTime={entry.createdAt}>{when(entry.createdAt)}</time>
            <p class="hint">{t(words.timeline.by, { actor: actorWords(entry.actor, speech) })}</p>
            {entry.target !== undefined && <p class="hint">{t(w.target, { target: entry.target })}</p>}
            {entry.reason !== undefined && <p>{t(words.timeline.because, { reason: entry.reason })}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}
