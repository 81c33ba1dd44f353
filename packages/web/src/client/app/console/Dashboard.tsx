import { StatsSchema } from "@ninsho/contract";
import { Chart } from "../Chart.js";
import { useSpeech } from "../i18n.js";
import { useLoad } from "../load.js";
import { ProblemNote } from "../ui.js";
import { useSession } from "./session.js";

const DAYS = 30;

/** Colours chosen to read on the light and the dark background. */
const COLORS = {
  validations: "#6b7a90",
  activations: "#2f7de1",
  recognized: "#2aa876",
  refusals: "#e0533d",
  transfers: "#b07be6",
};

/** The console's first page: the last 30 days in charts, from the server's own events and validation counts. */
export function Dashboard() {
  const session = useSession();
  const { words, t, shortDay } = useSpeech();
  const w = words.dashboard;
  const { data, problem } = useLoad(
    StatsSchema,
    () => session.call("GET", `/v1/admin/stats?days=${DAYS}`),
    [],
  );
  return (
    <>
      <h1>{w.title}</h1>
      <p class="intro">{t(w.intro, { days: DAYS })}</p>
      <ProblemNote problem={problem} />
      {data === undefined ? (
        problem === undefined && <p role="status">{words.common.loading}</p>
      ) : (
        <div class="charts">
          <Chart
            id="per-day"
            kind="lines"
            title={w.activationsChart}
            xLabel={w.day}
            categories={data.perDay.map((d) => shortDay(d.day))}
            series={[
              {
                label: w.activations,
                color: COLORS.activations,
                values: data.perDay.map((d) => d.activations),
              },
              { label: w.recognized, color: COLORS.recognized, values: data.perDay.map((d) => d.recognized) },
              { label: w.refusals, color: COLORS.refusals, values: data.perDay.map((d) => d.refusals) },
              { label: w.transfers, color: COLORS.transfers, values: data.perDay.map((d) => d.transfers) },
            ]}
          />
          <Chart
            id="validations"
            kind="lines"
            title={w.validationsChart}
            hint={w.validationsHint}
            xLabel={w.day}
            categories={data.perDay.map((d) => shortDay(d.day))}
            series={[
              {
                label: w.validations,
                color: COLORS.validations,
                values: data.perDay.map((d) => d.validations),
              },
            ]}
          />
          <Chart
            id="refusal-codes"
            kind="bars"
            title={w.refusalsByCode}
            xLabel={w.refusals}
            categories={data.refusalsByCode.map((r) => r.code)}
            series={[
              { label: w.count, color: COLORS.refusals, values: data.refusalsByCode.map((r) => r.count) },
            ]}
          />
          <Chart
            id="devices-per-license"
            kind="bars"
            title={w.devicesPerLicense}
            xLabel={words.license.devicesHeading}
            categories={data.devicesPerLicense.map((d) => t(w.devices, { n: d.devices }))}
            series={[
              {
                label: w.licenses,
                color: COLORS.activations,
                values: data.devicesPerLicense.map((d) => d.licenses),
              },
            ]}
          />
          <Chart
            id="scores"
            kind="bars"
            title={w.scoresChart}
            hint={w.scoresHint}
            xLabel={w.score}
            categories={data.scores.bins.map((b) => `${b.toFixed(1)}–${(b + 0.1).toFixed(1)}`)}
            series={[
              { label: w.accepted, color: COLORS.recognized, values: data.scores.accepted },
              { label: w.refused, color: COLORS.refusals, values: data.scores.refused },
            ]}
          />
        </div>
      )}
    </>
  );
}
