import type { ComponentChildren, JSX } from "preact";
import type { ApiAnswer, ApiProblem } from "../api.js";
import { pageProblem } from "../pageProblem.js";
import { applyLocale, type Speech, useSpeech } from "./i18n.js";
import { Prose } from "./Prose.js";
import { Link } from "./router.js";

export interface NavItem {
  readonly href: string;
  readonly label: string;
}

interface FrameProps {
  readonly area: string;
  readonly nav: readonly NavItem[];
  readonly path: string;
  readonly onLocale: (locale: "en" | "ja") => void;
  /** The session line (who is signed in, sign out), if any. */
  readonly session?: ComponentChildren;
  readonly children: ComponentChildren;
}

/** The top bar, the area's navigation and the main region every app page sits in. */
export function Frame({ area, nav, path, onLocale, session, children }: FrameProps) {
  const { words, locale } = useSpeech();
  const other = locale === "en" ? "ja" : "en";
  return (
    <>
      <a class="skip" href="#main">
        {words.common.skip}
      </a>
      <header class="bar">
        <a class="brand" href={`/?lang=${locale}`}>
          Ninsho <span class="brand-area">{area}</span>
        </a>
        <nav class="langs" aria-label={words.common.languageLabel}>
          <button
            type="button"
            class="link"
            lang={other}
            onClick={() => {
              applyLocale(other);
              onLocale(other);
            }}
          >
            {words.common.otherLanguage}
          </button>
        </nav>
      </header>
      {nav.length > 0 && (
        <nav class="area-nav" aria-label={area}>
          {nav.map((item) => (
            <Link key={item.href} href={item.href} current={isCurrent(path, item.href)}>
              {item.label}
            </Link>
          ))}
        </nav>
      )}
      <main id="main" tabindex={-1} class="wide">
        {session}
        {children}
      </main>
    </>
  );
}

const isCurrent = (path: string, href: string) =>
  href === path || (href !== "/console" && href !== "/portal" && path.startsWith(`${href}/`));

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | undefined;
  readonly children: (describedBy: string, invalid: boolean) => JSX.Element;
}

/** A labelled control with its one-line explanation and, when wrong, what is wrong, both announced. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const describedBy = [hint === undefined ? "" : `${id}-hint`, error === undefined ? "" : `${id}-error`]
    .filter((part) => part !== "")
    .join(" ");
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children(describedBy, error !== undefined)}
      {hint !== undefined && (
        <p id={`${id}-hint`} class="hint">
          <Prose text={hint} />
        </p>
      )}
      {error !== undefined && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The problem of an answer that was not ok, in the catalogue's words: the API's own when it sent some, else
 * SERVER_UNREACHABLE or RESPONSE_INVALID as the page carries them (`pageProblem`).
 */
export function problemOf(answer: ApiAnswer, speech: Speech): ApiProblem | undefined {
  if (answer.kind === "ok") return undefined;
  if (answer.kind === "problem") return answer.problem;
  return pageProblem(answer, speech.locale);
}

/** A refusal as the catalogue words it: message, remedy, code and a link to what the code means. */
export function ProblemNote({ problem }: { readonly problem: ApiProblem | undefined }) {
  const { words, t, locale } = useSpeech();
  if (problem === undefined) return null;
  return (
    <div class="notice" role="alert">
      <p>{problem.message}</p>
      {problem.remedy !== "" && <p>{problem.remedy}</p>}
      <p class="hint">
        {t(words.common.errorCode, { code: problem.code })} ·{" "}
        <a href={`/docs/errors?lang=${locale}#${problem.code}`}>{words.common.docsLink}</a>
      </p>
    </div>
  );
}

/** A status line that screen readers announce when it changes. */
export function Status({ text }: { readonly text: string | undefined }) {
  return (
    <p class="status" role="status" data-state="ok">
      {text ?? ""}
    </p>
  );
}
