import { SeatUsageSchema } from "@ninsho/contract";
import { useSpeech } from "../i18n.js";
import { useLoad } from "../load.js";
import { useSession } from "./session.js";

/** Days of peaks support reads: two weeks show a pattern without a long table. */
const DAYS = 14;

/**
 * A floating or workload license's seats as support reads them: who holds one now (and until when, from the
 * stored expiry: a crashed holder's seat shows when it frees), and the peak of concurrent seats per UTC day.
 * A device license answers a pool of 0 seats and shows nothing here.
 * @example
 * <Seats licenseId="lic_…" />
 */
export function Seats({ licenseId }: { readonly licenseId: string }) {
  const session = useSession();
  const { words, t, when, day } = useSpeech();
  const w = words.seats;
  const usage = useLoad(
    SeatUsageSchema,
    () => session.call("GET", `/v1/admin/licenses/${licenseId}/seats?days=${DAYS}`),
    [licenseId],
  );
  const data = usage.data;
  if (data === undefined || data.seats === 0) return null;
  return (
    <section aria-labelledby="seats-heading">
      <h2 id="seats-heading">{t(w.heading, { held: data.held.length, seats: data.seats })}</h2>
      {data.held.length === 0 ? (
        <p>{w.none}</p>
      ) : (
        <ul class="devices seats">
          {data.held.map((s) => (
            <li key={s.id}>
              <span>
                {t(w.summary, {
                  name: s.name,
                  platform: s.platform,
                  kind: w.kinds[s.kind],
                  checkedOut: when(s.checkedOutAt),
                  expires: when(s.expiresAt),
                })}
                {s.overage && ` · ${w.overage}`} <code>{s.id}</code>
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3 id="peaks-heading">{w.peaksHeading}</h3>
      <table class="peaks" aria-labelledby="peaks-heading">
        <thead>
          <tr>
            <th scope="col">{w.peakDay}</th>
            <th scope="col">{w.peakCount}</th>
          </tr>
        </thead>
        <tbody>
          {[...data.days].reverse().map((d) => (
            <tr key={d.day}>
              <td>{day(d.day)}</td>
              <td>{d.peak}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
