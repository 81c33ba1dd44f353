import { LicenseFileSchema, readAs } from "@ninsho/contract";
import { useEffect, useState } from "preact/hooks";
import type * as z from "zod";
import { type ApiProblem, callApi } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { Field, ProblemNote, problemOf, Status } from "../ui.js";

type LicenseFile = z.infer<typeof LicenseFileSchema>;

interface LicenseFileProps {
  /** Where the form's ids start, unique on the page. */
  readonly id: string;
  /** The device the offline computer replaces, when the owner came from "I changed hardware on this device". */
  readonly replaces?: { readonly id: string; readonly name: string };
  readonly onDone: () => void;
}

/**
 * USB activation from the portal: the owner brings the request file an offline computer wrote and takes its
 * license file back (POST /v1/offline/license-files). The session proves ownership, so a file for a changed
 * computer can move the license from the device it replaces without a mailed code.
 */
export function LicenseFileForm({ id, replaces, onDone }: LicenseFileProps) {
  const speech = useSpeech();
  const w = speech.words.portal;
  const [text, setText] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [made, setMade] = useState<LicenseFile | undefined>(undefined);
  const [href, setHref] = useState<string | undefined>(undefined);
  useEffect(() => {
    // The download is a blob of this page: freed when a new file replaces it or the form goes.
    if (made === undefined) return;
    const url = URL.createObjectURL(new Blob([made.licenseFile], { type: "application/jwt" }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [made]);

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setMade(undefined);
    setText(file === undefined ? undefined : await file.text());
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (text === undefined) return setError(w.requestFileMissing);
    setError(undefined);
    const answer = await callApi("POST", "/v1/offline/license-files", {
      body: { requestFile: text, ...(replaces === undefined ? {} : { transferFromDeviceId: replaces.id }) },
      language: speech.locale,
      session: true,
    });
    setProblem(problemOf(answer, speech));
    const file = answer.kind === "ok" ? readAs(LicenseFileSchema, answer.body) : undefined;
    setMade(file);
    if (file !== undefined) onDone();
  };

  return (
    <form noValidate onSubmit={submit} class="license-file">
      <Field id={`${id}-file`} label={w.requestFile} hint={w.requestFileHint} error={error}>
        {(describedBy, invalid) => (
          <input
            id={`${id}-file`}
            type="file"
            accept=".json,application/json"
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(e) => void choose(e.currentTarget)}
          />
        )}
      </Field>
      {replaces !== undefined && <p>{speech.t(w.thisReplaces, { name: replaces.name })}</p>}
      <ProblemNote problem={problem} />
      <button type="submit" class="primary">
        {w.makeLicenseFile}
      </button>
      <Status
        text={
          made === undefined
            ? undefined
            : speech.t(w.licenseFileReady, { date: speech.when(made.leaseExpiresAt) })
        }
      />
      {made !== undefined && href !== undefined && (
        <p>
          <a class="button" href={href} download={made.fileName}>
            {w.downloadLicenseFile}
          </a>
        </p>
      )}
    </form>
  );
}
