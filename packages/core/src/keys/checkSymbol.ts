/**
 * Check symbols for product-key groups, by Damm's method over a totally anti-symmetric quasigroup of order 24.
 *
 * No such quasigroup comes from arithmetic mod 24 (every weight difference would be even), so we build one as
 * the direct product of two that do exist: Z3 with x∘y = 2x + y, and GF(8) with x∘y = αx ⊕ y. Each factor is a
 * Latin square (catches every substitution) and totally anti-symmetric ((c∘x)∘y = (c∘y)∘x only when x = y, so it
 * catches every adjacent transposition); both properties survive the direct product. The test suite proves it
 * exhaustively over every possible group.
 */

const ORDER = 24;

/** Multiply by α (the polynomial x) in GF(8) = GF(2)[x] / (x³ + x + 1). */
const timesAlpha = (b: number): number => {
  const shifted = b << 1;
  return shifted & 0b1000 ? shifted ^ 0b1011 : shifted;
};

const compose = (x: number, y: number): number => {
  const z3 = (2 * (x % 3) + (y % 3)) % 3;
  const gf8 = timesAlpha(Math.floor(x / 3)) ^ Math.floor(y / 3);
  return gf8 * 3 + z3;
};

/** `table[x * 24 + y]` is x∘y, computed once. */
const table: Uint8Array = (() => {
  const t = new Uint8Array(ORDER * ORDER);
  for (let x = 0; x < ORDER; x++) for (let y = 0; y < ORDER; y++) t[x * ORDER + y] = compose(x, y);
  return t;
})();

const step = (interim: number, symbol: number): number => table[interim * ORDER + symbol] ?? 0;

/** Fold a run of symbol indexes, starting from `seed` (the group's position, so a group typed in another slot rarely passes). */
export function foldSymbols(seed: number, symbols: ArrayLike<number>): number {
  let interim = seed;
  for (let i = 0; i < symbols.length; i++) interim = step(interim, symbols[i] ?? 0);
  return interim;
}

/** The symbol index that, appended to `symbols`, folds to 0. */
export function checkSymbolFor(seed: number, symbols: ArrayLike<number>): number {
  const interim = foldSymbols(seed, symbols);
  for (let candidate = 0; candidate < ORDER; candidate++)
    if (step(interim, candidate) === 0) return candidate;
  throw new Error("unreachable: every row of a Latin square holds 0");
}

/** True when a group (data symbols followed by its check symbol) is consistent. */
export const groupIsValid = (seed: number, symbolsWithCheck: ArrayLike<number>): boolean =>
  foldSymbols(seed, symbolsWithCheck) === 0;
