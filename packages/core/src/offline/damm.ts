/**
 * Damm's check digit (H. Michael Damm, 2004) over a totally anti-symmetric quasigroup of order 10.
 *
 * The table is a Latin square, so changing any one digit changes the result, and it is weakly totally
 * anti-symmetric — (c∘x)∘y = (c∘y)∘x only when x = y, for every c — so swapping two different neighbours
 * changes it too. Both hold whatever the starting interim, so a group may start from its position (`seed`):
 * a whole group typed into the wrong slot then fails nine times in ten. Its diagonal is zero, so the check
 * digit of a run is simply the interim it folds to. The tests prove the properties over every case.
 */
const TABLE: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/**
 * One step of the quasigroup: `interim ∘ digit`.
 * @example
 * dammStep(0, 5); // 9
 */
export const dammStep = (interim: number, digit: number): number => TABLE[interim]?.[digit] ?? -1;

/**
 * Fold a run of decimal digits from `seed` (0–9); a run ending in its check digit folds to 0.
 * @example
 * dammFold(0, "5724"); // 0 — "572" with its check digit 4
 */
export function dammFold(seed: number, digits: string): number {
  let interim = seed;
  for (let i = 0; i < digits.length; i++) interim = dammStep(interim, digits.charCodeAt(i) - 48);
  return interim;
}

/**
 * The check digit to append to `digits` (decimal digits only) when folding starts from `seed`.
 * @example
 * dammCheckDigit(0, "572"); // "4"
 */
export const dammCheckDigit = (seed: number, digits: string): string => String(dammFold(seed, digits));

/**
 * True when `digitsWithCheck` (data digits then their check digit) is consistent for `seed`.
 * @example
 * dammIsValid(0, "5724"); // true
 * dammIsValid(0, "5274"); // false — a swap is caught
 */
export const dammIsValid = (seed: number, digitsWithCheck: string): boolean =>
  /^[0-9]+$/.test(digitsWithCheck) && dammFold(seed, digitsWithCheck) === 0;
