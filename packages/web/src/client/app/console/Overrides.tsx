import { type LicenseDetail, PolicySchema } from "@ninsho/contract";
import { effectiveEntitlements } from "@ninsho/core";
import { useSpeech } from "../i18n.js";
import { useLoad } from "../load.js";
import { ProblemNote } from "../ui.js";
import { EntitlementsForm } from "./Entitlements.js";
import { OverridesForm } from "./OverridesForm.js";
import { useSession } from "./session.js";

/**
 * A license's own rules beside its policy's — device limit, moves per year, whether it may move, its
 * features — and (admin role) the forms that change them, each asking why (the timeline keeps it).
 */
export function LicenseRules({
  license,
  onDone,
}: {
  readonly license: LicenseDetail;
  readonly onDone: () => void;
}) {
  const session = useSession();
  const { words, t } = useSpeech();
  const w = words.overrides;
  const policy = useLoad(PolicySchema, () => session.call("GET", `/v1/admin/policies/${license.policyId}`), [
    license.policyId,
  ]);
  const p = policy.data;
  const own = license.overrides ?? {};
  const source = (mine: unknown, policyValue: string) =>
    mine === undefined ? w.fromPolicy : t(w.ownValue, { policy: policyValue });
  const yesNo = (b: boolean) => (b ? w.yes : w.no);
  const changes = license.entitlementChanges;
  const features = p
    ? effectiveEntitlements(p, changes === undefined ? {} : { entitlementChanges: changes })
    : [];
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">{w.heading}</h2>
      <ProblemNote problem={policy.problem} />
      {p && (
        <dl class="facts" id="license-rules">
          <dt>{words.policy.maxDevices}</dt>
          <dd>
            {own.maxDevices ?? p.maxDevices}{" "}
            <span class="hint">{source(own.maxDevices, String(p.maxDevices))}</span>
          </dd>
          <dt>{words.policy.transfersPerYear}</dt>
          <dd>
            {own.transfersPerYear ?? p.transfersPerYear}{" "}
            <span class="hint">{source(own.transfersPerYear, String(p.transfersPerYear))}</span>
          </dd>
          <dt>{w.transferable}</dt>
          <dd>
            {yesNo(own.transferable ?? p.transferable)}{" "}
            <span class="hint">{source(own.transferable, yesNo(p.transferable))}</span>
          </dd>
          <dt>{words.license.entitlements}</dt>
          <dd>{features.length === 0 ? w.noFeatures : features.join(", ")}</dd>
        </dl>
      )}
      {p && session.me.role === "admin" && (
        <>
          <OverridesForm license={license} policy={p} onDone={onDone} />
          <EntitlementsForm licenseId={license.id} onDone={onDone} />
        </>
      )}
    </section>
  );
}
