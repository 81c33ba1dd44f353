import { useSpeech } from "./i18n.js";

/**
 * A confirmation ID as it is typed or read out: numbered groups of six in large type. Screen readers hear each
 * group as "Group 4: 1 2 3 4 5 6", not as a six-digit number.
 * @example
 * <CidGroups id="caller-cid" groups={confirmation.groups} />
 */
export function CidGroups(props: {
  readonly id: string;
  readonly groups: readonly string[];
  /** The whole ID, for whoever copies it. */
  readonly confirmationId?: string;
}) {
  const { t, words } = useSpeech();
  return (
    <ol class="cid" id={props.id} data-confirmation-id={props.confirmationId}>
      {props.groups.map((digits, i) => (
        <li key={`${i}-${digits}`}>
          <span class="cid-n" aria-hidden="true">
            {i + 1}
          </span>
          <span class="cid-digits" aria-hidden="true" data-cid-group={i + 1}>
            {digits}
          </span>
          <span class="sr-only">
            {t(words.phone.groupLabel, { n: i + 1 })}: {[...digits].join(" ")}
          </span>
        </li>
      ))}
    </ol>
  );
}
