/** JSON columns are text in both databases; parse them back with the shape the code wrote. */
export const parseJson = <T>(text: string): T => JSON.parse(text) as T;

/** Drop `null` columns so optional domain fields stay absent (exactOptionalPropertyTypes). */
export function present<K extends string>(key: K, value: string | null): { [P in K]?: string } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: string };
}
