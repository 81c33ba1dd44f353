/** 95% confidence intervals for the rates the report gives. */

const Z = 1.959964;

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** Wilson score interval of a proportion `k` of `n` (attempts accepted). */
export function wilson(k: number, n: number): Interval {
  if (n === 0) return { low: 0, high: 1 };
  const p = k / n;
  const d = 1 + (Z * Z) / n;
  const centre = (p + (Z * Z) / (2 * n)) / d;
  const half = (Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n))) / d;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Interval of a Poisson rate: `k` events over `exposure` (device-years), by the Wilson–Hilferty approximation of
 * the chi-square quantiles (exact enough from k = 0 up; for k = 0 the upper bound is the familiar 3.7/exposure).
 */
export function poissonRate(k: number, exposure: number): Interval {
  if (exposure <= 0) return { low: 0, high: Number.POSITIVE_INFINITY };
  const chi = (df: number, z: number) => df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
  const low = k === 0 ? 0 : chi(2 * k, -Z) / 2;
  const high = chi(2 * k + 2, Z) / 2;
  return { low: low / exposure, high: high / exposure };
}

/**
 * A stratified estimate of a rate per device-year: each stratum's mean per device weighed by its share of the
 * population, with the normal interval of the weighted sum (each stratum's variance over its sample size, with
 * the finite-population correction). A stratum where nothing happened adds no variance; the interval is then
 * widened to the Poisson bound of zero events in the smallest stratum's exposure so that "nothing seen" never
 * reads as "impossible".
 */
export function stratified(
  strata: readonly {
    readonly population: number;
    readonly values: readonly number[];
    readonly years: number;
  }[],
): { readonly rate: number } & Interval {
  const total = strata.reduce((s, x) => s + x.population, 0);
  let rate = 0;
  let variance = 0;
  let zeroBound = 0;
  for (const s of strata) {
    const n = s.values.length;
    if (n === 0 || total === 0) continue;
    const w = s.population / total;
    const mean = s.values.reduce((a, b) => a + b, 0) / n / s.years;
    const sq = s.values.reduce((a, v) => a + (v / s.years - mean) ** 2, 0);
    const fpc = s.population > 1 ? (s.population - n) / (s.population - 1) : 0;
    rate += w * mean;
    if (n > 1) variance += ((w * w * sq) / (n - 1) / n) * Math.max(0, fpc);
    if (mean === 0) zeroBound += w * poissonRate(0, n * s.years).high * Math.max(0, fpc);
  }
  const half = Z * Math.sqrt(variance);
  return { rate, low: Math.max(0, rate - half), high: rate + Math.max(half, zeroBound) };
}
