/**
 * A sentence of our words in which `backticks` quote a command or an id: each quoted part becomes a `<code>`,
 * which a phone's page breaks anywhere (app.css) instead of widening to fit a long device id, and which reads
 * as something to type. The backticks themselves are not shown.
 * @example
 * <p><Prose text={"Run `ninsho device transfer --replaces dev_01J…`."} /></p>
 */
export function Prose({ text }: { readonly text: string }) {
  return (
    <>{text.split("`").map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>
  );
}
