import { displayWidth } from "../../admin/format.js";
import { type Palette, palette } from "../../terminal/colour.js";
import type { DoctorMessages } from "../messages/index.js";
import type { Outcome } from "../messages/types.js";
import type { DoctorReport } from "./report.js";

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));

/**
 * The doctor's human output: one line per check in order (title, outcome, what was found with its code, and
 * `→ n` pointing at its remedy), extra lines under it, then the numbered remedies. Outcomes are coloured by
 * `paint` (plain unless given one for a terminal).
 * @example
 * for (const line of renderReport(report, m.doctor, heading, palette(process.stdout, process.env))) console.log(line);
 * // Server and TLS         FAIL     SERVER_UNREACHABLE: The activation server at … cannot be reached. → 1
 * // …
 * // What to do:
 * //   1. SERVER_UNREACHABLE: The app keeps running on its lease; check the network or proxy, …
 */
export function renderReport(
  report: DoctorReport,
  words: DoctorMessages,
  heading: string,
  paint: Palette = palette({}, {}),
): string[] {
  const colourOf: Record<Outcome, (text: string) => string> = {
    ok: paint.green,
    fixed: paint.green,
    warn: paint.yellow,
    fail: paint.red,
    skipped: (text) => text,
  };
  const titleWidth = Math.max(...report.checks.map((c) => displayWidth(words.title[c.check])));
  const outcomeWidth = Math.max(...Object.values(words.outcome).map(displayWidth));
  const indent = " ".repeat(titleWidth + outcomeWidth + 4);
  const lines = [heading, ""];
  for (const check of report.checks) {
    const code =
      check.code === undefined || check.outcome === "ok" || check.outcome === "skipped"
        ? ""
        : `${check.code}: `;
    const pointer = check.remedyNumber === undefined ? "" : ` → ${check.remedyNumber}`;
    const title = pad(words.title[check.check], titleWidth);
    // Coloured after padding is measured: escapes take no room on the screen.
    const word = words.outcome[check.outcome];
    const outcome = `${colourOf[check.outcome](word)}${" ".repeat(Math.max(0, outcomeWidth - displayWidth(word)))}`;
    lines.push(`${title}  ${outcome}  ${code}${check.message}${pointer}`);
    for (const extra of check.lines ?? []) lines.push(`${indent}${extra}`);
  }
  lines.push("");
  if (report.remedies.length === 0) {
    lines.push(words.nothingToDo);
    return lines;
  }
  lines.push(words.whatToDo);
  for (const remedy of report.remedies) {
    lines.push(`  ${remedy.number}. ${remedy.code === "" ? "" : `${remedy.code}: `}${remedy.text}`);
  }
  return lines;
}
