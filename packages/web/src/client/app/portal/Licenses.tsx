import { MyLicensesSchema } from "@ninsho/contract";
import { useState } from "preact/hooks";
import { type ApiProblem, callApi } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { useLoad } from "../load.js";
import { Field, ProblemNote, problemOf } from "../ui.js";

/** My licenses with their devices and the moves left, and a form to add one by its product key. */
export function MyLicenses() {
  const speech = useSpeech();
  const { words, t, when } = speech;
  const w = words.portal;
  const licenses = useLoad(
    MyLicensesSchema,
    () => callApi("GET", "/v1/me/licenses", { language: speech.locale, session: true }),
    [],
  );
  const [key, setKey] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);

  const link = async (event: Event) => {
    event.preventDefault();
    if (key.trim() === "") return setError(words.common.required);
    setError(undefined);
    const answer = await callApi("POST", "/v1/me/licenses", {
      body: { key: key.trim() },
      language: speech.locale,
      session: true,
    });
    setProblem(problemOf(answer, speech));
    if (answer.kind === "ok") setKey("");
    licenses.reload();
  };

  const list = licenses.data?.licenses ?? [];
  return (
    <>
      <ProblemNote problem={licenses.problem} />
      {licenses.data && list.length === 0 && <p>{w.noLicenses}</p>}
      {list.map((license) => {
        const active = license.devices.filter((d) => d.deactivatedAt === undefined);
        return (
          <article key={license.id} class="panel license-card" data-license-id={license.id}>
            <h2>
              {license.productName}{" "}
              <span class="hint">
                · {license.policyName} · …{license.keyHint}
              </span>
            </h2>
            <p>
              {words.states[license.state]}
              {license.expiresAt !== undefined && (
                <>
                  {" "}
                  · {words.license.expires} {when(license.expiresAt)}
                </>
              )}
            </p>
            <p>{t(w.devicesLine, { used: active.length, max: license.maxDevices })}</p>
            {license.transfers.allowed && <p>{t(w.transfersLeft, { n: license.transfers.left })}</p>}
            <ul class="devices">
              {license.devices.map((d) => (
                <li key={d.id} class={d.deactivatedAt === undefined ? "" : "gone"}>
                  <span>
                    <strong>{d.name}</strong> · {d.platform} · {words.license.lastSeen} {when(d.lastSeenAt)}
                    {d.deactivatedAt !== undefined && (
                      <> · {t(words.license.deactivated, { date: when(d.deactivatedAt) })}</>
                    )}
                  </span>
                </li>
              ))}
            </ul>
            <details>
              <summary>{w.licenseFile}</summary>
              <p>{w.licenseFileHint}</p>
              <p>
                <a href={`/activate/phone?lang=${speech.locale}`}>{words.nav.phone}</a>
              </p>
            </details>
          </article>
        );
      })}
      <form noValidate onSubmit={link} class="panel">
        <h2>{w.linkHeading}</h2>
        <Field id="portal-key" label={w.key} hint={w.keyHint} error={error}>
          {(describedBy, invalid) => (
            <input
              id="portal-key"
              autocomplete="off"
              spellcheck={false}
              value={key}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onInput={(e) => setKey(e.currentTarget.value)}
            />
          )}
        </Field>
        <ProblemNote problem={problem} />
        <button type="submit" class="primary">
          {w.link}
        </button>
      </form>
    </>
  );
}

/** The troubleshooter: what the user sees, and what to do about it, in plain words. */
export function Troubleshooter() {
  const { words } = useSpeech();
  const h = words.help;
  const items = [
    [h.keyRefused, h.keyRefusedAnswer],
    [h.tooMany, h.tooManyAnswer],
    [h.newHardware, h.newHardwareAnswer],
    [h.offline, h.offlineAnswer],
    [h.serverDown, h.serverDownAnswer],
  ] as const;
  return (
    <section aria-labelledby="help-heading">
      <h2 id="help-heading">{words.portal.helpHeading}</h2>
      <p>{words.portal.helpIntro}</p>
      {items.map(([question, answer]) => (
        <details key={question}>
          <summary>{question}</summary>
          <p>{answer}</p>
        </details>
      ))}
    </section>
  );
}
