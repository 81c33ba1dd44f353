import { describe, expect, it } from "vitest";
import { bestVerdict, type Grant } from "../../src/client/grants.js";

const DAY = 86_400_000;
const signed = (end: number, grace: number): Grant => ({
  kind: "signed",
  issuedAtMs: 0,
  leaseExpiresAtMs: end,
  graceEndsAtMs: grace,
});
const phone = (end: number, grace: number): Grant => ({ ...signed(end, grace), kind: "phone-confirmed" });

describe("a device holding a signed lease and a phone confirmation", () => {
  it("runs on whichever grant is best now, so neither is ever lost to the other", () => {
    const grants = [signed(7 * DAY, 21 * DAY), phone(90 * DAY, 104 * DAY)];
    expect(bestVerdict(grants, DAY)).toMatchObject({ state: "active", grant: "signed" });
    // The signed lease ended: the longer phone confirmation keeps the app active, not on grace.
    expect(bestVerdict(grants, 10 * DAY)).toMatchObject({ state: "active", grant: "phone-confirmed" });
    expect(bestVerdict(grants, 95 * DAY)).toMatchObject({ state: "grace", grant: "phone-confirmed" });
    const over = bestVerdict(grants, 200 * DAY);
    expect(over).toMatchObject({ state: "expired", valid: false, grant: "phone-confirmed" });
    expect(over.seed?.code).toBe("LEASE_EXPIRED");
  });

  it("prefers the signed lease among equals, and a phone confirmation without end runs for ever", () => {
    expect(bestVerdict([signed(DAY, 2 * DAY), phone(DAY, 2 * DAY)], 0).grant).toBe("signed");
    const endless = phone(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
    expect(bestVerdict([signed(DAY, 2 * DAY), endless], 1e15)).toMatchObject({ state: "active" });
  });
});
