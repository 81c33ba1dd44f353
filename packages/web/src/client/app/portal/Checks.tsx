import type { MyLicenseSchema } from "@ninsho/contract";
import type * as z from "zod";
import { useSpeech } from "../i18n.js";
import { Allowance } from "./Allowance.js";

type MyLicense = z.infer<typeof MyLicenseSchema>;

const DAY_MS = 86_400_000;
/** A device silent this long is probably one its owner no longer uses (the doctor's "devices" check). */
const STALE_MS = 60 * DAY_MS;
/** An end this close is worth saying before it comes. */
const SOON_MS = 30 * DAY_MS;

/**
 * The doctor's checks that make sense from the web, per license, in plain words: does it work (and if not, the
 * catalogue's why and what to do, worded by the server), are its places all taken, is a device long silent,
 * does it end soon, are moves left.
 */
function LicenseChecks({ license }: { readonly license: MyLicense }) {
  const { words, t, when, day, locale } = useSpeech();
  const w = words.portal;
  const now = Date.now();
  const active = license.devices.filter((d) => d.deactivatedAt === undefined);
  const stale = active.filter((d) => now - Date.parse(d.lastSeenAt) > STALE_MS);
  const endsSoon =
    license.expiresAt !== undefined &&
    license.standing === undefined &&
    Date.parse(license.expiresAt) - now < SOON_MS;
  const full = license.maxDevices > 0 && active.length >= license.maxDevices;
  const blocked = license.transfers.allowed && license.transfers.nextAt !== undefined;
  const fine = license.standing === undefined && !full && stale.length === 0 && !endsSoon && !blocked;
  return (
    <li data-checks={license.id}>
      <strong>{license.productName}</strong> <span class="hint">…{license.keyHint}</span>
      {fine && <p>{w.checkWorks}</p>}
      {license.standing !== undefined && (
        <div class="notice" data-standing={license.standing.code}>
          <p>{license.standing.message}</p>
          <p>{license.standing.remedy}</p>
          <p class="hint">
            {t(words.common.errorCode, { code: license.standing.code })} ·{" "}
            <a href={`/docs/errors?lang=${locale}#${license.standing.code}`}>{words.common.docsLink}</a>
          </p>
        </div>
      )}
      {full && <p>{t(w.checkFull, { max: license.maxDevices })}</p>}
      {stale.map((d) => (
        <p key={d.id}>{t(w.checkStale, { name: d.name, date: when(d.lastSeenAt) })}</p>
      ))}
      {endsSoon && license.expiresAt !== undefined && (
        <p>{t(w.checkEnds, { date: day(license.expiresAt) })}</p>
      )}
      {blocked && <Allowance transfers={license.transfers} />}
    </li>
  );
}

/** Every license of the account, checked. */
export function Checks({ licenses }: { readonly licenses: readonly MyLicense[] }) {
  const { words } = useSpeech();
  if (licenses.length === 0) return null;
  return (
    <>
      <h3>{words.portal.checksHeading}</h3>
      <ul class="refusals checks">
        {licenses.map((license) => (
          <LicenseChecks key={license.id} license={license} />
        ))}
      </ul>
    </>
  );
}
