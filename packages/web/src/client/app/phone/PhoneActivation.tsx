import { type Confirmation, ConfirmationSchema, readAs } from "@ninsho/contract";
import { useEffect, useRef, useState } from "preact/hooks";
import { type ApiProblem, callApi } from "../../api.js";
import { pageProblem } from "../../pageProblem.js";
import { useSpeech } from "../i18n.js";
import { Confirmed } from "./Confirmed.js";
import { faultyGroups } from "./details.js";
import { GroupFields } from "./GroupFields.js";
import { type MoveFrom, Refused } from "./Refused.js";
import { TransferProof } from "./TransferProof.js";
import { useGroupEntry } from "./useGroupEntry.js";

type Answer =
  | { readonly kind: "none" }
  | { readonly kind: "sending" }
  | {
      readonly kind: "confirmed";
      readonly confirmation: Confirmation;
      readonly movedFrom: string | undefined;
    }
  | {
      readonly kind: "refused";
      readonly problem: ApiProblem;
      readonly status: number | undefined;
      /** The move the owner's mailed code would prove, when the server asked for it. */
      readonly proofFor: MoveFrom | undefined;
    };

/** Refusals of a move that the owner's mailed code answers. */
const PROOF_CODES: ReadonlySet<string> = new Set(["TRANSFER_PROOF_REQUIRED", "TRANSFER_CODE_INVALID"]);

/** The installation ID in a QR code's link: `#iid=<54 digits>`, any separators. */
const fragmentId = (): string | undefined =>
  new URLSearchParams(location.hash.replace(/^#/, "")).get("iid") ?? undefined;

/**
 * What was typed goes into the address's fragment (`#iid=`), which never reaches the server or its logs: a
 * reload or a language switch loses nothing.
 */
const keepInAddress = (digits: string) =>
  history.replaceState(
    history.state,
    "",
    `${location.pathname}${location.search}${digits === "" ? "" : `#iid=${digits}`}`,
  );

/**
 * The phone activation of an end user (POST /v1/offline/confirmations): groups checked as typed, the ID
 * prefilled from a QR code's link, the confirmation ID or the refusal shown below, and a transfer offered
 * when the license is full. A user signed in to the portal on this browser proves a move with that session;
 * otherwise with a code mailed to the license's owner.
 */
export function PhoneActivation() {
  const { words, locale } = useSpeech();
  const w = words.phone;
  const submit = useRef<HTMLButtonElement>(null);
  const deviceName = useRef<HTMLInputElement>(null);
  const region = useRef<HTMLElement>(null);
  const sending = useRef(false);
  const [answer, setAnswer] = useState<Answer>({ kind: "none" });
  const entry = useGroupEntry({ change: keepInAddress, complete: () => submit.current?.focus() });

  useEffect(() => {
    const prefill = () => {
      const id = fragmentId();
      if (id !== undefined) entry.fillFrom(id);
    };
    prefill();
    addEventListener("hashchange", prefill);
    return () => removeEventListener("hashchange", prefill);
  }, []);
  // Keyboard and screen-reader users land on what just appeared.
  useEffect(() => {
    if (answer.kind === "none" || answer.kind === "sending") return;
    region.current?.focus({ preventScroll: true });
    region.current?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [answer]);

  const send = async (from?: MoveFrom, transferCode?: string) => {
    if (sending.current || !entry.confirmAll()) return;
    const name = deviceName.current?.value.trim() ?? "";
    sending.current = true;
    setAnswer({ kind: "sending" });
    const result = await callApi("POST", "/v1/offline/confirmations", {
      body: {
        installationId: entry.values().join("-"),
        ...(name === "" ? {} : { deviceName: name }),
        ...(from === undefined ? {} : { transferFromDeviceId: from.id }),
        ...(transferCode === undefined ? {} : { transferCode }),
      },
      language: locale,
      session: true,
    });
    sending.current = false;
    const confirmation = result.kind === "ok" ? readAs(ConfirmationSchema, result.body) : undefined;
    if (confirmation) return setAnswer({ kind: "confirmed", confirmation, movedFrom: from?.name });
    const problem =
      result.kind === "problem"
        ? result.problem
        : pageProblem(result.kind === "ok" ? { kind: "unexpected", status: result.status } : result, locale);
    const status = result.kind === "problem" || result.kind === "network" ? undefined : result.status;
    const proofFor = from !== undefined && PROOF_CODES.has(problem.code) ? from : undefined;
    setAnswer({ kind: "refused", problem, status, proofFor });
    // A group the server found wrong (a version or range no check digit can see) is where to go next.
    if (problem.code === "INSTALLATION_ID_MALFORMED") entry.flag(faultyGroups(problem.details));
  };

  const startOver = () => {
    entry.clear();
    if (deviceName.current) deviceName.current.value = "";
    setAnswer({ kind: "none" });
    keepInAddress("");
    requestAnimationFrame(entry.focusFirst);
  };

  return (
    <>
      <h1>{w.title}</h1>
      <p class="intro">{w.intro}</p>
      <form
        id="activate"
        class="activate"
        noValidate
        hidden={answer.kind === "confirmed"}
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <GroupFields entry={entry} hint={w.installationIdHint} />
        <div class="field">
          <label for="device-name">{w.deviceName}</label>
          <input
            id="device-name"
            ref={deviceName}
            name="deviceName"
            type="text"
            maxLength={128}
            autoComplete="off"
            aria-describedby="device-name-hint"
          />
          <p id="device-name-hint" class="hint">
            {w.deviceNameHint}
          </p>
        </div>
        <button type="submit" class="primary" ref={submit} disabled={answer.kind === "sending"}>
          {w.submit}
        </button>
        <p class="hint">{w.privacy}</p>
      </form>
      <section
        id="answer"
        class="answer"
        ref={region}
        aria-live="polite"
        aria-busy={answer.kind === "sending"}
        tabindex={-1}
        hidden={answer.kind === "none"}
        data-state={answer.kind === "none" ? undefined : answer.kind}
      >
        {answer.kind === "sending" && <p class="sending">{w.sending}</p>}
        {answer.kind === "confirmed" && (
          <Confirmed confirmation={answer.confirmation} movedFrom={answer.movedFrom} startOver={startOver} />
        )}
        {answer.kind === "refused" && (
          <>
            <Refused problem={answer.problem} status={answer.status} transfer={(from) => void send(from)} />
            {answer.proofFor && (
              <TransferProof from={answer.proofFor} move={(code) => void send(answer.proofFor, code)} />
            )}
          </>
        )}
      </section>
    </>
  );
}
