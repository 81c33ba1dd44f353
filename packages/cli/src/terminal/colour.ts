/**
 * Colour on a terminal only. The conventions, in order: NO_COLOR (any non-empty value) turns colour off;
 * FORCE_COLOR=0 or false turns it off, any other FORCE_COLOR turns it on (for a pager such as `less -R`);
 * otherwise colour only when the stream is a terminal that has colours. A pipe or a file never gets escapes.
 * @example
 * colourEnabled(process.stdout, process.env); // false in `ninsho device doctor | cat`
 */
export function colourEnabled(
  stream: { readonly isTTY?: boolean; hasColors?: () => boolean },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force === "0" || force === "false") return false;
  if (force !== undefined) return true;
  return stream.isTTY === true && (stream.hasColors?.() ?? true);
}

/** Text styles, each the identity when colour is off. */
export interface Palette {
  readonly bold: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly green: (text: string) => string;
}

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

/**
 * The styles for one stream.
 * @example
 * const { red } = palette(io.stderr, io.env);
 * line(io.stderr, `${red("Error")} KEY_NOT_FOUND: …`);
 */
export function palette(
  stream: { readonly isTTY?: boolean; hasColors?: () => boolean },
  env: Readonly<Record<string, string | undefined>>,
): Palette {
  if (!colourEnabled(stream, env)) return { bold: plain, red: plain, yellow: plain, green: plain };
  return { bold: sgr(1, 22), red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39) };
}
