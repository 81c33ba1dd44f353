import { type MyLicenseSchema, type Refusals, RefusalsSchema, readAs } from "@ninsho/contract";
import { useEffect, useState } from "preact/hooks";
import type * as z from "zod";
import { callApi } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { Checks } from "./Checks.js";

type MyLicense = z.infer<typeof MyLicenseSchema>;
type Refusal = Refusals["refusals"][number];

/** The newest refusal of each license that has one, asked in the page's language (the catalogue words it). */
function useLastRefusals(licenses: readonly MyLicense[], locale: "en" | "ja") {
  const [found, setFound] = useState<{ license: MyLicense; refusal: Refusal }[] | undefined>(undefined);
  const ids = licenses.map((l) => l.id).join(",");
  useEffect(() => {
    let live = true;
    void Promise.all(
      licenses.map(async (license) => {
        const answer = await callApi("GET", `/v1/me/licenses/${license.id}/refusals`, {
          language: locale,
          session: true,
        });
        const refusal = answer.kind === "ok" ? readAs(RefusalsSchema, answer.body)?.refusals[0] : undefined;
        return refusal === undefined ? [] : [{ license, refusal }];
      }),
    ).then((all) => {
      if (live) setFound(all.flat());
    });
    return () => {
      live = false;
    };
  }, [ids, locale]);
  return found;
}

/** A refusal in the catalogue's words, with the parts that changed named plainly. */
function LastRefusal({ license, refusal: last }: { readonly license: MyLicense; readonly refusal: Refusal }) {
  const speech = useSpeech();
  const { words, t, when, locale } = speech;
  const w = words.portal;
  const parts: Readonly<Record<string, string>> = words.parts;
  const changed = last.changed.map((c) => parts[c.kind] ?? c.kind);
  return (
    <li class="notice" data-refusal-code={last.code}>
      <p>
        <strong>{t(w.recentOn, { product: license.productName, date: when(last.at) })}</strong>
      </p>
      <p>{last.message}</p>
      {changed.length > 0 && <p>{t(w.partsChanged, { list: changed.join(", ") })}</p>}
      <p>{last.remedy}</p>
      <p class="hint">
        {t(words.common.errorCode, { code: last.code })} ·{" "}
        <a href={`/docs/errors?lang=${locale}#${last.code}`}>{words.common.docsLink}</a>
      </p>
    </li>
  );
}

/**
 * The troubleshooter: first what actually went wrong on my licenses lately (each refusal's explanation and
 * remedy from the one catalogue), then the common situations in plain words.
 */
export function Troubleshooter({ licenses }: { readonly licenses: readonly MyLicense[] }) {
  const { words, locale } = useSpeech();
  const last = useLastRefusals(licenses, locale);
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
      <Checks licenses={licenses} />
      <h3>{words.portal.recentHeading}</h3>
      {last !== undefined && last.length === 0 && <p>{words.portal.recentNone}</p>}
      <ul class="refusals">
        {(last ?? []).map(({ license, refusal }) => (
          <LastRefusal key={license.id} license={license} refusal={refusal} />
        ))}
      </ul>
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
