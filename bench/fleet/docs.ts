import { readFile, writeFile } from "node:fs/promises";
import { classShare, deviceClasses } from "./catalogue.js";
import { adversarialEvents, legitEvents, rates } from "./events.js";
import { restore } from "./hazard.js";
import { paramInfo } from "./params.js";

/** The guessed parameters the sweep moves, with their stated base values. */
export const paramTable = (): string =>
  [
    "| parameter | what it is (base value) |",
    "| --- | --- |",
    ...Object.entries(paramInfo).map(([name, what]) => `| ${name} | ${what} |`),
  ].join("\n");

/** The rate table of bench/FLEET.md, from the same constants the simulator draws from. */
export function rateTable(): string {
  const head = `| event | ${deviceClasses.join(" | ")} | effect | why |`;
  const lines = [head, `|${" --- |".repeat(deviceClasses.length + 3)}`];
  for (const e of [...legitEvents, ...adversarialEvents]) {
    const row = rates[e];
    const cells = deviceClasses.map((c) => (e === "dock-usb" ? "see why" : String(row.rate[c])));
    lines.push(`| ${e} | ${cells.join(" | ")} | ${row.effect} | ${row.why} |`);
  }
  const restoreCells = deviceClasses.map((c) => String(restore.rate[c]));
  lines.push(
    `| restore (reported apart) | ${restoreCells.join(" | ")} | an earlier machine state, lease included | ${restore.why} |`,
  );
  const share = classShare.map(([c, s]) => `${c} ${Math.round(s * 100)}%`).join(", ");
  return `${lines.join("\n")}\n\nFleet mix: ${share}.`;
}

/** Replace what stands between `<!-- fleet:NAME -->` and `<!-- /fleet:NAME -->`; other text is left alone. */
export async function fillSections(
  path: string,
  sections: Readonly<Record<string, string>>,
): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return false;
  }
  for (const [name, body] of Object.entries(sections)) {
    const open = `<!-- fleet:${name} -->`;
    const close = `<!-- /fleet:${name} -->`;
    const start = text.indexOf(open);
    const end = text.indexOf(close);
    if (start < 0 || end < start) continue;
    text = `${text.slice(0, start + open.length)}\n${body}\n${text.slice(end)}`;
  }
  await writeFile(path, text);
  return true;
}
