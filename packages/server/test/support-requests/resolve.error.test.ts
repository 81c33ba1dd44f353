/** Closing a support request that does not exist, or without a reason, is a coded 4xx that changes nothing. */
import { describe, expect, it } from "vitest";
import { call, errorOf } from "../support/http.js";
import { useServers } from "../support/server.js";
import { openSupportRequest } from "./support.js";

describe("support requests: bad input", () => {
  const servers = useServers();

  it("an unknown request is SUPPORT_REQUEST_NOT_FOUND (404), in English and Japanese", async () => {
    const t = await servers.start();
    const path = "/v1/admin/support-requests/sup_01JNOTHEREXXXXXXXXXXXXXXXX/resolve";
    const en = await call(t.app, "POST", path, { reason: "done" }, { token: t.admin });
    expect(en.status).toBe(404);
    expect(errorOf(en).code).toBe("SUPPORT_REQUEST_NOT_FOUND");
    const ja = await call(
      t.app,
      "POST",
      path,
      { reason: "done" },
      { token: t.admin, headers: { "accept-language": "ja" } },
    );
    expect(errorOf(ja).message).toContain("サポート依頼");
  });

  it("a missing reason or an unknown status is VALIDATION_FAILED; the request stays open", async () => {
    const t = await servers.start();
    const { requestId } = await openSupportRequest(t);
    const noReason = await call(
      t.app,
      "POST",
      `/v1/admin/support-requests/${requestId}/resolve`,
      {},
      { token: t.admin },
    );
    expect(noReason.status).toBe(400);
    expect(errorOf(noReason).code).toBe("VALIDATION_FAILED");
    const badStatus = await t.adminGet("/v1/admin/support-requests?status=done");
    expect(badStatus.status).toBe(400);
    expect(errorOf(badStatus).code).toBe("VALIDATION_FAILED");
    expect((await t.store.supportRequests.findById(requestId))?.status).toBe("open");
  });
});
