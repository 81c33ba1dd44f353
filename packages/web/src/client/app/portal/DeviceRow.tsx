import { MyDeviceSchema, type MyLicenseSchema, readAs } from "@ninsho/contract";
import { useState } from "preact/hooks";
import type * as z from "zod";
import { type ApiProblem, callApi } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { Prose } from "../Prose.js";
import { Field, ProblemNote, problemOf } from "../ui.js";
import { Allowance } from "./Allowance.js";
import { LicenseFileForm } from "./LicenseFile.js";

type MyLicense = z.infer<typeof MyLicenseSchema>;
type MyDevice = z.infer<typeof MyDeviceSchema>;
type Panel = "rename" | "release" | "hardware" | undefined;

/** The rule the server checks (DeviceNameSchema), checked first here so a wrong name is said at once. */
const goodName = (name: string) => {
  const trimmed = name.trim();
  return trimmed.length >= 1 && trimmed.length <= 64 && !/[\p{Cc}\u2028\u2029]/u.test(trimmed);
};

interface DeviceRowProps {
  readonly license: MyLicense;
  readonly device: MyDevice;
  /** Something changed: reload the licenses; `said` is what to announce. */
  readonly onChanged: (said: string) => void;
}

/** One of my devices: its name, platform and last contact, and what its owner can do about it. */
export function DeviceRow({ license, device, onChanged }: DeviceRowProps) {
  const speech = useSpeech();
  const { words, t, when } = speech;
  const w = words.portal;
  const [panel, setPanel] = useState<Panel>(undefined);
  const [name, setName] = useState(device.name);
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const gone = device.deactivatedAt !== undefined;
  const base = `device-${device.id}`;
  const open = (next: Panel) => {
    setProblem(undefined);
    setError(undefined);
    setName(device.name);
    setPanel(panel === next ? undefined : next);
  };

  const rename = async (event: Event) => {
    event.preventDefault();
    if (!goodName(name)) return setError(w.badName);
    setError(undefined);
    const answer = await callApi("PATCH", `/v1/me/devices/${device.id}`, {
      body: { name: name.trim() },
      language: speech.locale,
      session: true,
    });
    setProblem(problemOf(answer, speech));
    if (answer.kind === "ok" && readAs(MyDeviceSchema, answer.body)) {
      setPanel(undefined);
      onChanged(w.renamed);
    }
  };
  const release = async () => {
    const answer = await callApi("POST", `/v1/me/devices/${device.id}/deactivate`, {
      body: {},
      language: speech.locale,
      session: true,
    });
    setProblem(problemOf(answer, speech));
    if (answer.kind === "ok") {
      setPanel(undefined);
      onChanged(t(w.released, { name: device.name }));
    }
  };

  return (
    <li class={gone ? "gone" : ""} data-device-id={device.id}>
      <span>
        <strong>{device.name}</strong> ·{" "}
        {t(w.deviceLine, { platform: device.platform, seen: when(device.lastSeenAt) })}
        {gone && <> · {t(words.license.deactivated, { date: when(device.deactivatedAt) })}</>}
      </span>
      {!gone && (
        <div class="device-actions">
          {(["rename", "release", "hardware"] as const).map((which) => (
            <button
              key={which}
              type="button"
              class="secondary"
              aria-expanded={panel === which}
              aria-controls={`${base}-panel`}
              onClick={() => open(which)}
            >
              {w[which]}
            </button>
          ))}
        </div>
      )}
      {panel !== undefined && (
        <div id={`${base}-panel`} class="device-panel">
          {panel === "rename" && (
            <form noValidate onSubmit={rename}>
              <Field id={`${base}-name`} label={w.newName} hint={w.newNameHint} error={error}>
                {(describedBy, invalid) => (
                  <input
                    id={`${base}-name`}
                    maxLength={64}
                    autocomplete="off"
                    value={name}
                    aria-invalid={invalid}
                    aria-describedby={describedBy}
                    onInput={(e) => setName(e.currentTarget.value)}
                  />
                )}
              </Field>
              <ProblemNote problem={problem} />
              <button type="submit" class="primary">
                {words.common.save}
              </button>{" "}
              <button type="button" class="link" onClick={() => setPanel(undefined)}>
                {words.common.cancel}
              </button>
            </form>
          )}
          {panel === "release" && (
            <>
              <p>{t(w.releaseExplain, { name: device.name })}</p>
              <ProblemNote problem={problem} />
              <button type="button" class="primary" onClick={() => void release()}>
                {w.releaseConfirm}
              </button>{" "}
              <button type="button" class="link" onClick={() => setPanel(undefined)}>
                {words.common.cancel}
              </button>
            </>
          )}
          {panel === "hardware" && (
            <>
              <p>{w.hardwareIntro}</p>
              <Allowance transfers={license.transfers} />
              {license.transfers.allowed && (
                <>
                  <p>
                    <Prose text={t(w.hardwareOnline, { name: device.name, id: device.id })} />
                  </p>
                  <p>{w.hardwareOffline}</p>
                  <LicenseFileForm
                    id={`${base}-file`}
                    replaces={{ id: device.id, name: device.name }}
                    onDone={() => onChanged(w.licenseFileReady)}
                  />
                </>
              )}
            </>
          )}
        </div>
      )}
    </li>
  );
}
