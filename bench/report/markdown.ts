import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * A Markdown table: the first column left-aligned, the others right-aligned, padded as Biome formats it (so
 * `biome check` passes on the README as written).
 */
export function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  if (rows.some((cells) => cells.length !== head.length)) throw new Error(`a row is not ${head.length} wide`);
  const text = [head, ...rows].map((cells) => cells.map(String));
  const widths = head.map((_, i) => Math.max(3, ...text.map((cells) => [...(cells[i] ?? "")].length)));
  const pad = (cell: string, i: number) => {
    const fill = " ".repeat((widths[i] ?? 0) - [...cell].length);
    return i === 0 ? cell + fill : fill + cell;
  };
  const line = (cells: readonly string[]) => `| ${cells.map(pad).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`;
  const [first, ...rest] = text;
  return [line(first ?? []), rule, ...rest.map(line)].join("\n");
}

/** 12345 → "12,345"; fractions kept to `digits`. */
export const n = (value: number, digits = 0): string =>
  value.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * Replace what lies between `<!-- name:start -->` and `<!-- name:end -->` in a Markdown file; a block the file
 * does not have yet is added at its end under `heading`.
 */
export function replaceBlocks(
  path: string,
  blocks: readonly { readonly name: string; readonly heading: string; readonly body: string }[],
): void {
  let text = existsSync(path) ? readFileSync(path, "utf8") : "# Benchmarks\n";
  for (const { name, heading, body } of blocks) {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const block = `${start}\n${body.trim()}\n${end}`;
    const at = text.indexOf(start);
    const until = text.indexOf(end, at);
    text =
      at >= 0 && until >= 0
        ? `${text.slice(0, at)}${block}${text.slice(until + end.length)}`
        : `${text.trimEnd()}\n\n## ${heading}\n\n${block}\n`;
  }
  writeFileSync(path, text);
}
