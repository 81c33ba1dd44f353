import { readAs, type SearchResult, SearchResultSchema } from "@ninsho/contract";
import { useState } from "preact/hooks";
import type { ApiProblem } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { Link } from "../router.js";
import { Field, ProblemNote, problemOf } from "../ui.js";
import { useSession } from "./session.js";

interface SearchBoxProps {
  /** Where a found license opens: its page, or the support desk's "why" page. */
  readonly open: (licenseId: string) => string;
}

/** One box for any identifier, and the licenses it names with what they were found by. */
export function SearchBox({ open }: SearchBoxProps) {
  const session = useSession();
  const speech = useSpeech();
  const { words, t } = speech;
  const w = words.search;
  const [query, setQuery] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [found, setFound] = useState<SearchResult | undefined>(undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (query.trim() === "") return setError(words.common.required);
    setError(undefined);
    const answer = await session.call("POST", "/v1/admin/licenses/search", { query: query.trim() });
    const result = answer.kind === "ok" ? readAs(SearchResultSchema, answer.body) : undefined;
    setProblem(result ? undefined : problemOf(answer, speech));
    setFound(result);
  };

  return (
    <>
      <form noValidate onSubmit={submit} class="panel">
        <Field id="search-query" label={w.label} error={error}>
          {(describedBy, invalid) => (
            <input
              id="search-query"
              type="search"
              autocomplete="off"
              spellcheck={false}
              value={query}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="primary">
          {w.submit}
        </button>
      </form>
      <ProblemNote problem={problem} />
      {found && (
        <section aria-live="polite">
          <p role="status">
            {found.matches.length === 0 ? w.none : t(w.found, { count: found.matches.length })}
          </p>
          <ul class="found">
            {found.matches.map((m) => (
              <li key={`${m.license.id}-${m.deviceId ?? ""}`}>
                <span>
                  <Link href={open(m.license.id)}>
                    <code>{m.license.id}</code>
                  </Link>{" "}
                  {words.states[m.license.state]} · {t(w.matchedBy, { kind: w.kinds[m.kind] })}
                  {m.deviceId !== undefined && (
                    <>
                      {" "}
                      · <code>{m.deviceId}</code>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** The console's license search. */
export function SearchPage() {
  const { words } = useSpeech();
  return (
    <>
      <h1>{words.search.title}</h1>
      <p class="intro">{words.search.intro}</p>
      <SearchBox open={(id) => `/console/licenses/${id}`} />
    </>
  );
}
