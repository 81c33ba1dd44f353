/**
 * Columns a string takes in a terminal: East Asian wide and full-width characters take two.
 * @example
 * displayWidth("ID"); // 2
 * displayWidth("名前"); // 4
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));

/**
 * Rows under a header, each column as wide as its widest cell, two spaces apart.
 * @example
 * table(["ID", "Name"], [["prd_1", "Photo Studio"]]); // ["ID     Name", "prd_1  Photo Studio"]
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((header, column) =>
    Math.max(displayWidth(header), ...rows.map((row) => displayWidth(row[column] ?? ""))),
  );
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : pad(cell, widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  return [render(headers), ...rows.map(render)];
}

/**
 * Label–value pairs, values aligned; `undefined` values are left out.
 * @example
 * fields([["ID", "prd_1"], ["Owner", undefined]]); // ["ID  prd_1"]
 */
export function fields(pairs: readonly (readonly [string, string | undefined])[]): string[] {
  const present = pairs.filter((pair): pair is readonly [string, string] => pair[1] !== undefined);
  const width = Math.max(0, ...present.map(([label]) => displayWidth(label)));
  return present.map(([label, value]) => `${pad(label, width)}  ${value}`);
}

/**
 * An ISO instant, shorter: seconds precision, `T` as a space.
 * @example
 * when("2026-11-21T02:48:12.590Z"); // "2026-11-21 02:48:12Z"
 */
export function when(iso: string): string {
  return iso.replace("T", " ").replace(/\.\d+Z$/, "Z");
}

/**
 * A count with thousands separators.
 * @example
 * count(1000000); // "1,000,000"
 */
export function count(value: number): string {
  return value.toLocaleString("en-US");
}
