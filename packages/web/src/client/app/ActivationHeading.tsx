import { useSpeech } from "./i18n.js";

/**
 * The heading of an issued confirmation ID: the product it activates ("Activation of Lab suite", "Lab suite の
 * ライセンス認証"), in the same words on the public phone page and in the console's caller forms, so whoever
 * reads the ID out can say which product it is for. `level`: the public page's answer is a section of its own
 * (h2); in the console it sits inside a form headed h3.
 * @example
 * <ActivationHeading id="answer-heading" level={2} product={confirmation.license.productName} />
 */
export function ActivationHeading(props: {
  readonly id: string;
  readonly level: 2 | 4;
  readonly product: string;
}) {
  const { t, words } = useSpeech();
  const text = t(words.phone.productHeading, { product: props.product });
  return props.level === 2 ? <h2 id={props.id}>{text}</h2> : <h4 id={props.id}>{text}</h4>;
}
