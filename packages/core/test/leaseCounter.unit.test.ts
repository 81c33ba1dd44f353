import { checkLeaseCounter, issueNextLease, type LeaseCounters } from "@ninsho/core";
import { describe, expect, it } from "vitest";

const WINDOW = 21 * 86_400;

/** A server's counters and the machines holding leases, driven refresh by refresh as the server would. */
function refresh(server: LeaseCounters, held: number, now: number) {
  const check = checkLeaseCounter(server, held, now, WINDOW);
  if (check === "forked") return { check, server, held };
  const next = issueNextLease(server, held, check === "suspect" ? now : undefined);
  return { check, server: next, held: next.issued };
}

describe("lease lineage: happy", () => {
  it("one machine refreshing its own line is always current", () => {
    let server = issueNextLease({ issued: 0, issuedFrom: 0 });
    let held = server.issued;
    for (let day = 1; day < 400; day += 3) {
      const step = refresh(server, held, day * 86_400);
      expect(step.check).toBe("current");
      server = step.server;
      held = step.held;
    }
  });

  it("a lost reply is a retry, never a suspicion", () => {
    const server = issueNextLease(issueNextLease({ issued: 0, issuedFrom: 0 }), 1);
    expect(checkLeaseCounter(server, server.issuedFrom, 0, WINDOW)).toBe("retry");
  });

  it("a counter above the newest (a server restored from backup) is trusted", () => {
    expect(checkLeaseCounter({ issued: 3, issuedFrom: 2 }, 9, 0, WINDOW)).toBe("current");
  });
});

describe("lease lineage: forks", () => {
  it("two copies on one lease: first a suspicion, then the fork when the other line comes back", () => {
    let server: LeaseCounters = { issued: 10, issuedFrom: 9 };
    const a = refresh(server, 10, 100);
    server = a.server;
    const b = refresh(server, 10, 200);
    expect(b.check).toBe("retry");
    server = b.server;
    const a2 = refresh(server, a.held, 300);
    expect(a2.check).toBe("suspect");
    expect(a2.server.suspectedAt).toBe(300);
    server = a2.server;
    expect(checkLeaseCounter(server, b.held, 400, WINDOW)).toBe("forked");
  });

  it("a suspicion lapses after the window: a restore months later is a first strike again", () => {
    const server: LeaseCounters = { issued: 20, issuedFrom: 19, suspectedAt: 1000 };
    expect(checkLeaseCounter(server, 12, 1000 + WINDOW, WINDOW)).toBe("forked");
    expect(checkLeaseCounter(server, 12, 1001 + WINDOW, WINDOW)).toBe("suspect");
  });

  it("issuing keeps an earlier suspicion unless a new one is raised", () => {
    const suspected = issueNextLease({ issued: 5, issuedFrom: 4 }, 3, 777);
    expect(suspected).toEqual({ issued: 6, issuedFrom: 3, suspectedAt: 777, suspectedCounter: 3 });
    expect(issueNextLease(suspected, 6)).toEqual({
      issued: 7,
      issuedFrom: 6,
      suspectedAt: 777,
      suspectedCounter: 3,
    });
  });
});
