/**
 * Support works through the requests refused self-service steps open: lists the open ones, closes one with the
 * reason (kept in the audit log), and finds it among the closed ones. On SQLite and PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "../support/backends.js";
import { call } from "../support/http.js";
import { openSupportRequest } from "./support.js";

interface Listed {
  requests: { id: string; licenseId: string; status: string }[];
}

describe.each(backends)("support requests on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  it.skipIf(skip)("lists by status and license, closes one with its reason, once", async () => {
    const t = await start();
    const support = await t.token("support");
    const one = await openSupportRequest(t);
    const two = await openSupportRequest(t);
    const list = async (query: string) =>
      ((await t.adminGet(`/v1/admin/support-requests${query}`, support.token)).body as unknown as Listed)
        .requests;
    expect((await list("?status=open")).map((r) => r.id)).toEqual([two.requestId, one.requestId]);

    const resolve = () =>
      call(
        t.app,
        "POST",
        `/v1/admin/support-requests/${one.requestId}/resolve`,
        { reason: "moved by support after a board repair" },
        { token: support.token },
      );
    // Two people closing it at once: both see it closed, the audit log has one entry.
    const [a, b] = await Promise.all([resolve(), resolve()]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toMatchObject({ id: one.requestId, status: "closed", licenseId: one.licenseId });
    expect((await resolve()).body).toMatchObject({ status: "closed" });

    expect((await list("?status=open")).map((r) => r.id)).toEqual([two.requestId]);
    expect((await list("?status=closed")).map((r) => r.id)).toEqual([one.requestId]);
    expect((await list(`?licenseId=${one.licenseId}`)).map((r) => r.status)).toEqual(["closed"]);
    const audit = await t.adminGet(`/v1/admin/audit?target=${one.requestId}`);
    expect(audit.body.entries).toMatchObject([
      {
        type: "support_request.resolved",
        actor: `token:${support.id}`,
        reason: "moved by support after a board repair",
        data: { licenseId: one.licenseId, kind: "transfer_allowance" },
      },
    ]);
  });
});
