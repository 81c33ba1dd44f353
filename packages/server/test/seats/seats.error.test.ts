/** Seat requests that are refused, each with its code from the one catalogue (a coded 4xx, never a 5xx). */
import { describe, expect, it } from "vitest";
import { machine } from "../support/fingerprints.js";
import { errorOf } from "../support/http.js";
import { checkOutSeat, heartbeatSeat, heldSeat, seatCatalogue } from "../support/seats.js";
import { useServers } from "../support/server.js";

describe("seat errors", () => {
  const servers = useServers();

  it("a device license is not used through seats: SEAT_CHANNEL_REQUIRED", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ channel: "retail" });
    const res = await checkOutSeat(t, c.key, { fingerprint: machine("a") });
    expect(res.status).toBe(409);
    expect(errorOf(res).code).toBe("SEAT_CHANNEL_REQUIRED");
  });

  it("a floating or workload key cannot be activated on a device (it would run outside the pool): LICENSE_USES_SEATS", async () => {
    const t = await servers.start();
    for (const channel of ["floating", "workload"] as const) {
      const c = await t.catalogue({ channel, seats: 1 });
      const res = await t.activate(c.key, machine(`device-${channel}`));
      expect(res.status).toBe(409);
      expect(errorOf(res).code).toBe("LICENSE_USES_SEATS");
    }
  });

  it("a floating check-out without a fingerprint, or a workload one without an identity: SEAT_REQUEST_INVALID", async () => {
    const t = await servers.start();
    const floating = await seatCatalogue(t, {});
    const workload = await t.catalogue({ channel: "workload", seats: 2 });
    const noMachine = await checkOutSeat(t, floating.key, { workload: { id: "pod-1" } });
    expect(noMachine.status).toBe(400);
    expect(errorOf(noMachine).code).toBe("SEAT_REQUEST_INVALID");
    const noWorkload = await checkOutSeat(t, workload.key, { fingerprint: machine("a") });
    expect(errorOf(noWorkload).code).toBe("SEAT_REQUEST_INVALID");
    expect(errorOf(noWorkload).message).toContain("workload.id");
  });

  it("borrowing beyond the policy's days, or where it allows none: BORROW_NOT_ALLOWED", async () => {
    const t = await servers.start();
    const allows = await seatCatalogue(t, { borrowMaxDays: 5 });
    const none = await seatCatalogue(t, {});
    const long = await checkOutSeat(t, allows.key, { fingerprint: machine("a") }, { borrowDays: 6 });
    expect(long.status).toBe(403);
    expect(errorOf(long)).toMatchObject({ code: "BORROW_NOT_ALLOWED" });
    expect(errorOf(long).message).toContain("5 days");
    const never = await checkOutSeat(t, none.key, { fingerprint: machine("a") }, { borrowDays: 1 });
    expect(errorOf(never).code).toBe("BORROW_NOT_ALLOWED");
  });

  it("unknown and malformed keys are refused as for an activation", async () => {
    const t = await servers.start();
    expect(
      errorOf(await checkOutSeat(t, "BCDFG-HJKMP-QRTVW-XY234-6789", { fingerprint: machine("a") })).code,
    ).toBe("KEY_MALFORMED");
  });

  it("a suspended license refuses check-outs and heartbeats with its own code", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, {});
    const seat = await heldSeat(t, c.key, { fingerprint: machine("a") });
    const suspended = await t.adminPost(`/v1/admin/licenses/${c.licenseId}/suspend`, { reason: "unpaid" });
    expect(suspended.status).toBe(200);
    expect(errorOf(await checkOutSeat(t, c.key, { fingerprint: machine("b") })).code).toBe(
      "LICENSE_SUSPENDED",
    );
    expect(errorOf(await heartbeatSeat(t, seat.id, seat.secret)).code).toBe("LICENSE_SUSPENDED");
  });

  it("a full pool is explained in Japanese too", async () => {
    const t = await servers.start();
    const c = await seatCatalogue(t, { seats: 1 });
    await heldSeat(t, c.key, { fingerprint: machine("a") });
    const res = await t.app.request("/v1/seats", {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "ja" },
      body: JSON.stringify({
        key: c.key,
        fingerprint: machine("b"),
        device: { name: "b", platform: "linux" },
      }),
    });
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("NO_SEAT_AVAILABLE");
    expect(body.error.message).toContain("席");
  });

  it("policies: a seat channel needs its seats, device channels take no seat fields, borrowing is floating only", async () => {
    const t = await servers.start();
    const product = await t.product();
    const attempt = (fields: Record<string, unknown>) =>
      t.adminPost("/v1/admin/policies", { productId: product, name: "p", ...fields });
    expect(errorOf(await attempt({ channel: "floating" })).code).toBe("VALIDATION_FAILED");
    expect(errorOf(await attempt({ channel: "retail", seats: 5 })).code).toBe("VALIDATION_FAILED");
    expect(errorOf(await attempt({ channel: "workload", seats: 5, borrowMaxDays: 3 })).code).toBe(
      "VALIDATION_FAILED",
    );
    expect(errorOf(await attempt({ channel: "floating", seats: 0 })).code).toBe("VALIDATION_FAILED");
    const made = await attempt({ channel: "workload", seats: 5 });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ channel: "workload", seats: 5, heartbeatTimeoutSeconds: 30 });
  });
});
