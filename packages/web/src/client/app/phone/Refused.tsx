import type { ApiProblem } from "../../api.js";
import { useSpeech } from "../i18n.js";
import { limitDetails, productNameOf } from "./details.js";

/** The device a move takes the license from. */
export interface MoveFrom {
  readonly id: string;
  readonly name: string;
}

/**
 * A refusal in the catalogue's words, in the page's language: what happened, what to do, and its code for
 * support (a call that got no answer, or not the API's, as SERVER_UNREACHABLE or RESPONSE_INVALID with its HTTP
 * status). A full license lists its devices and, when its policy allows transfers, offers to move the license
 * from one of them.
 */
export function Refused(props: {
  readonly problem: ApiProblem;
  /** The HTTP status of an answer that is not the API's. */
  readonly status: number | undefined;
  readonly transfer: (from: MoveFrom) => void;
}) {
  const { words, t, day } = useSpeech();
  const w = words.phone;
  const { problem } = props;
  const limit = problem.code === "DEVICE_LIMIT_REACHED" ? limitDetails(problem.details) : undefined;
  const status = props.status === undefined ? "" : ` · HTTP ${props.status}`;
  // Named only in refusals about a license whose key the ID proved (a full license, a move without proof).
  const product = productNameOf(problem.details);
  return (
    <>
      <h2 id="answer-heading">{w.refusedHeading}</h2>
      {product !== undefined && <p class="product">{t(w.productLine, { product })}</p>}
      <p class="problem-message">{problem.message}</p>
      <h3>{w.whatToDo}</h3>
      <p class="problem-remedy">{problem.remedy}</p>
      {limit && limit.devices.length > 0 && (
        <>
          <h3>{w.devicesHeading}</h3>
          {limit.transferable && <p>{w.transferOffer}</p>}
          <ul class="devices">
            {limit.devices.map((d) => (
              <li key={d.id}>
                <span>
                  {t(w.deviceSummary, {
                    name: d.name,
                    platform: d.platform,
                    activated: day(d.activatedAt),
                    seen: day(d.lastSeenAt),
                  })}
                </span>
                {limit.transferable && (
                  <button
                    type="button"
                    class="secondary"
                    data-transfer-from={d.id}
                    onClick={() => props.transfer({ id: d.id, name: d.name })}
                  >
                    {t(w.transferButton, { name: d.name })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="code">
        {t(words.common.errorCode, { code: problem.code })}
        {status}
      </p>
    </>
  );
}
