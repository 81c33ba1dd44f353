const DAY_MS = 86_400_000;

/** The most days a support token may add, counted from the later of now and the current expiry. */
export const SUPPORT_EXTENSION_DAYS = 30;

/** The span in which a license gets at most one support extension (the same 30 days). */
export const SUPPORT_EXTENSION_PERIOD_MS = SUPPORT_EXTENSION_DAYS * DAY_MS;

/** Why support may not set this expiry (an admin may). */
export type GoodwillRefusal =
  /** The request makes the license perpetual. */
  | "perpetual"
  /** The license is already perpetual: there is no expiry to extend. */
  | "no_expiry"
  /** The new expiry is not later than the current one (support never shortens). */
  | "not_later"
  /** The new expiry is past the limit. */
  | "beyond"
  /** Support already extended this license in the last 30 days. */
  | "recent";

/** What support may do to one license's expiry now: extend it up to `latest`, or nothing, and why. */
export type GoodwillDecision =
  | { readonly allowed: true; readonly latest: string }
  | {
      readonly allowed: false;
      readonly why: GoodwillRefusal;
      /** The latest expiry support could set (`—` when none). */
      readonly latest: string;
      /** When the last support extension was (`—` when none in the period). */
      readonly lastAt: string;
      /** From when support may extend again (`—` when waiting would not help). */
      readonly nextAt: string;
    };

/**
 * The latest expiry a support token may give a license: 30 days past the later of now and its current expiry
 * (an expired license gets 30 days from now, not from the day it ended). `undefined` for a perpetual license.
 * @example
 * supportExtensionLimit("2026-05-01T00:00:00.000Z", new Date("2026-04-01T00:00:00Z")); // "2026-05-31T00:00:00.000Z"
 */
export function supportExtensionLimit(currentExpiry: string | undefined, now: Date): string | undefined {
  if (currentExpiry === undefined) return undefined;
  const base = Math.max(now.getTime(), Date.parse(currentExpiry));
  return new Date(base + SUPPORT_EXTENSION_PERIOD_MS).toISOString();
}

/**
 * Whether a support token may set a license's expiry to `requested` (`null`: perpetual): a goodwill extension
 * of a license that has an expiry, later than it, at most 30 days past the later of now and that expiry, and at
 * most one per license in any 30 days (`supportExtensionsAt`: the instants of the earlier ones). Pure: the
 * service decides with it under the license's lock, the console shows the same limit. Admins are not bound.
 * @example
 * const decision = decideSupportExtension({ currentExpiry, requested, supportExtensionsAt: [], now });
 * if (!decision.allowed) return fail("EXTENSION_BEYOND_SUPPORT_LIMIT", { ...decision, requested, current, days: 30 });
 */
export function decideSupportExtension(input: {
  readonly currentExpiry: string | undefined;
  readonly requested: string | null;
  readonly supportExtensionsAt: readonly string[];
  readonly now: Date;
}): GoodwillDecision {
  const { currentExpiry, requested, now } = input;
  const latest = supportExtensionLimit(currentExpiry, now);
  const since = now.getTime() - SUPPORT_EXTENSION_PERIOD_MS;
  const recent = input.supportExtensionsAt.map((at) => Date.parse(at)).filter((at) => at > since);
  const newest = recent.length === 0 ? undefined : Math.max(...recent);
  const refuse = (why: GoodwillRefusal): GoodwillDecision => ({
    allowed: false,
    why,
    latest: latest ?? "—",
    lastAt: newest === undefined ? "—" : new Date(newest).toISOString(),
    nextAt: newest === undefined ? "—" : new Date(newest + SUPPORT_EXTENSION_PERIOD_MS).toISOString(),
  });
  if (requested === null) return refuse("perpetual");
  if (currentExpiry === undefined || latest === undefined) return refuse("no_expiry");
  // Waiting (or an admin) is the only fix for a recent one, so it is said first, before any date advice.
  if (newest !== undefined) return refuse("recent");
  if (Date.parse(requested) <= Date.parse(currentExpiry)) return refuse("not_later");
  if (Date.parse(requested) > Date.parse(latest)) return refuse("beyond");
  return { allowed: true, latest };
}
