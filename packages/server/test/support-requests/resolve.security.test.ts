/** Attacker: a read-only token (or none) trying to close a support request, which would hide an owner's case. */
import { describe, expect, it } from "vitest";
import { call, errorOf } from "../support/http.js";
import { useServers } from "../support/server.js";
import { openSupportRequest } from "./support.js";

describe("support requests: who may close one", () => {
  const servers = useServers();

  it("a readonly token is FORBIDDEN and no token is UNAUTHENTICATED; the request stays open", async () => {
    const t = await servers.start();
    const { requestId } = await openSupportRequest(t);
    const path = `/v1/admin/support-requests/${requestId}/resolve`;
    const readonly = await t.token("readonly");
    const forbidden = await call(t.app, "POST", path, { reason: "hide it" }, { token: readonly.token });
    expect(forbidden.status).toBe(403);
    expect(errorOf(forbidden).code).toBe("FORBIDDEN");
    const anonymous = await call(t.app, "POST", path, { reason: "hide it" });
    expect(anonymous.status).toBe(401);
    expect((await t.store.supportRequests.findById(requestId))?.status).toBe("open");
    expect((await t.adminGet(`/v1/admin/audit?target=${requestId}`)).body.entries).toEqual([]);
  });
});
