import { describe, expect, it } from "vitest";
import { decideSupportExtension, supportExtensionLimit } from "../src/index.js";

const now = new Date("2026-04-01T00:00:00.000Z");
const day = (n: number, from = now.getTime()) => new Date(from + n * 86_400_000).toISOString();

describe("support's goodwill extension", () => {
  const expiry = day(10);
  const decide = (
    requested: string | null,
    supportExtensionsAt: string[] = [],
    currentExpiry: string | undefined = expiry,
  ) => decideSupportExtension({ currentExpiry, requested, supportExtensionsAt, now });

  it("allows up to 30 days past the later of now and the expiry", () => {
    expect(supportExtensionLimit(expiry, now)).toBe(day(40));
    expect(supportExtensionLimit(day(-5), now)).toBe(day(30));
    expect(supportExtensionLimit(undefined, now)).toBeUndefined();
    expect(decide(day(40))).toEqual({ allowed: true, latest: day(40) });
    expect(decide(day(11))).toMatchObject({ allowed: true });
  });

  it("refuses perpetual, no expiry, not later, beyond, and a second one in 30 days", () => {
    expect(decide(null)).toMatchObject({ allowed: false, why: "perpetual" });
    expect(
      decideSupportExtension({ currentExpiry: undefined, requested: day(5), supportExtensionsAt: [], now }),
    ).toMatchObject({ allowed: false, why: "no_expiry", latest: "—" });
    expect(decide(expiry)).toMatchObject({ allowed: false, why: "not_later" });
    expect(decide(day(9))).toMatchObject({ allowed: false, why: "not_later" });
    expect(decide(new Date(Date.parse(day(40)) + 1).toISOString())).toMatchObject({
      why: "beyond",
      latest: day(40),
    });
    expect(decide(day(12), [day(-29)])).toEqual({
      allowed: false,
      why: "recent",
      latest: day(40),
      lastAt: day(-29),
      nextAt: day(1),
    });
  });

  it("forgets a support extension exactly 30 days old", () => {
    expect(decide(day(12), [day(-30), day(-45)])).toMatchObject({ allowed: true });
  });
});
