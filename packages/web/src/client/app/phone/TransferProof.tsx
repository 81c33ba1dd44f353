import { readAs, TransferCodeSentSchema } from "@ninsho/contract";
import { useRef, useState } from "preact/hooks";
import { type ApiProblem, callApi } from "../../api.js";
import { pageProblem } from "../../pageProblem.js";
import { useSpeech } from "../i18n.js";
import { Field, ProblemNote } from "../ui.js";
import type { MoveFrom } from "./Refused.js";

/** One text input of the proof, with its hint and what is wrong with it. */
function ProofInput(props: {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  readonly error: string | undefined;
  readonly numeric?: boolean;
  readonly input: { current: HTMLInputElement | null };
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {(describedBy, invalid) => (
        <input
          id={props.id}
          ref={props.input}
          autoComplete="off"
          spellcheck={false}
          inputMode={props.numeric === true ? "numeric" : undefined}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />
      )}
    </Field>
  );
}

/**
 * The owner's proof for a move from the phone page (the server answers TRANSFER_PROOF_REQUIRED without it): the
 * key asks for a code mailed to the license's owner (POST /v1/transfers/codes), and the code goes with the
 * installation ID again. A signed-in owner needs neither: the page sends its session, so a link to sign in is
 * offered too.
 */
export function TransferProof(props: { readonly from: MoveFrom; readonly move: (code: string) => void }) {
  const { words, t, locale } = useSpeech();
  const w = words.phone;
  const key = useRef<HTMLInputElement>(null);
  const code = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState<{ key?: boolean; code?: boolean }>({});
  const [sentTo, setSentTo] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);

  const send = async (event: Event) => {
    event.preventDefault();
    const typed = key.current?.value.trim() ?? "";
    setMissing({ key: typed === "" });
    if (typed === "") return;
    const sent = await callApi("POST", "/v1/transfers/codes", { body: { key: typed }, language: locale });
    const mailed = sent.kind === "ok" ? readAs(TransferCodeSentSchema, sent.body) : undefined;
    setSentTo(mailed?.to);
    if (mailed !== undefined) {
      setProblem(undefined);
      code.current?.focus();
    } else if (sent.kind === "problem") setProblem(sent.problem);
    else
      setProblem(
        pageProblem(sent.kind === "ok" ? { kind: "unexpected", status: sent.status } : sent, locale),
      );
  };
  const move = (event: Event) => {
    event.preventDefault();
    const typed = code.current?.value.trim() ?? "";
    setMissing({ code: typed === "" });
    if (typed !== "") props.move(typed);
  };

  return (
    <section class="proof" aria-labelledby="proof-heading">
      <h3 id="proof-heading">{w.proofHeading}</h3>
      <p>{w.proofIntro}</p>
      <form noValidate onSubmit={(event) => void send(event)}>
        <ProofInput
          id="proof-key"
          label={w.proofKey}
          hint={w.proofKeyHint}
          error={missing.key === true ? w.proofMissing : undefined}
          input={key}
        />
        <button type="submit" class="secondary">
          {w.proofSend}
        </button>
        <p class="status" role="status">
          {sentTo === undefined ? "" : t(w.proofSent, { to: sentTo })}
        </p>
      </form>
      <ProblemNote problem={problem} />
      <form noValidate onSubmit={move}>
        <ProofInput
          id="proof-code"
          label={w.proofCode}
          hint={w.proofCodeHint}
          error={missing.code === true ? w.proofMissing : undefined}
          numeric
          input={code}
        />
        <button type="submit" class="primary">
          {t(w.transferButton, { name: props.from.name })}
        </button>
      </form>
      <p>
        <a href={`/portal?lang=${locale}`}>{w.proofSignIn}</a>
      </p>
    </section>
  );
}
