import type { MyLicenseSchema } from "@ninsho/contract";
import type * as z from "zod";
import { useSpeech } from "../i18n.js";
import { Prose } from "../Prose.js";
import { Allowance } from "./Allowance.js";
import { DeviceRow } from "./DeviceRow.js";
import { LicenseFileForm } from "./LicenseFile.js";

type MyLicense = z.infer<typeof MyLicenseSchema>;

/** What the license gives, in plain words: how it was sold, its features, and its upgrade chain both ways. */
function Rights({ license }: { readonly license: MyLicense }) {
  const { words, t } = useSpeech();
  const w = words.portal;
  const channels: Readonly<Record<string, string>> = words.channels;
  const features = license.entitlements ?? [];
  return (
    <div class="rights">
      {license.channel !== undefined && (
        <p>{t(w.rightsChannel, { channel: channels[license.channel] ?? license.channel })}</p>
      )}
      <p>{features.length > 0 ? t(w.rightsFeatures, { list: features.join(", ") }) : w.rightsNoFeatures}</p>
      {license.upgradeOf !== undefined && (
        <p class="chain">
          {t(w.upgradeOf, { keyHint: license.upgradeOf.keyHint, policy: license.upgradeOf.policyName })}
        </p>
      )}
      {license.upgradedBy !== undefined && (
        <p class="chain">
          {t(w.upgradedBy, { keyHint: license.upgradedBy.keyHint, policy: license.upgradedBy.policyName })}
        </p>
      )}
    </div>
  );
}

interface LicenseCardProps {
  readonly license: MyLicense;
  readonly onChanged: (said: string) => void;
}

/** One of my licenses: its state, rights, devices (with what I can do about each) and an offline license file. */
export function LicenseCard({ license, onChanged }: LicenseCardProps) {
  const speech = useSpeech();
  const { words, t, when, locale } = speech;
  const w = words.portal;
  const active = license.devices.filter((d) => d.deactivatedAt === undefined);
  const headingId = `license-${license.id}`;
  return (
    <article class="panel license-card" data-license-id={license.id} aria-labelledby={headingId}>
      <h2 id={headingId}>
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
      <Rights license={license} />
      <p>{t(w.devicesLine, { used: active.length, max: license.maxDevices })}</p>
      {license.transfers.allowed && <p>{t(w.transfersLeft, { n: license.transfers.left })}</p>}
      <h3>{w.devicesHeading}</h3>
      {license.devices.length === 0 && <p>{words.license.noDevices}</p>}
      <ul class="devices">
        {license.devices.map((d) => (
          <DeviceRow key={d.id} license={license} device={d} onChanged={onChanged} />
        ))}
      </ul>
      <details>
        <summary>{w.licenseFile}</summary>
        <p>
          <Prose text={w.licenseFileHint} />
        </p>
        <LicenseFileForm id={`file-${license.id}`} onDone={() => onChanged(w.licenseFileReady)} />
        <p>
          <a href={`/activate/phone?lang=${locale}`}>{w.phoneInstead}</a>
        </p>
      </details>
      {license.transfers.allowed && active.length === 0 && <Allowance transfers={license.transfers} />}
    </article>
  );
}
