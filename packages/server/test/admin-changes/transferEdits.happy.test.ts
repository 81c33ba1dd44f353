/**
 * A policy's transfer allowance is edited like its other rules: transfers per year and the cool-down after a
 * transfer, kept by the store on SQLite and PostgreSQL, and named in the audit entry.
 */
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "../support/backends.js";
import { call } from "../support/http.js";

describe.each(backends)("transfer allowance edits on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  it.skipIf(skip)("sets and clears the cool-down and the allowance of a policy", async () => {
    const t = await start();
    const c = await t.catalogue({ transfersPerYear: 3 });
    const patch = (body: Record<string, unknown>) =>
      call(t.app, "PATCH", `/v1/admin/policies/${c.policyId}`, body, { token: t.admin });

    const set = await patch({
      transfersPerYear: 1,
      transferCooldownSeconds: 30 * 86_400,
      reason: "fewer moves",
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ transfersPerYear: 1, transferCooldownSeconds: 30 * 86_400 });
    expect(await t.store.policies.findById(c.policyId)).toMatchObject({
      transfersPerYear: 1,
      transferCooldownSeconds: 30 * 86_400,
    });

    const cleared = await patch({ transferCooldownSeconds: 0, reason: "no wait" });
    expect(cleared.body).toMatchObject({ transfersPerYear: 1, transferCooldownSeconds: 0 });
    const audit = await t.adminGet(`/v1/admin/audit?target=${c.policyId}`);
    expect(audit.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          reason: "fewer moves",
          data: {
            changes: expect.objectContaining({
              transferCooldownSeconds: expect.objectContaining({ to: 30 * 86_400 }),
            }),
          },
        }),
      ]),
    );
  });
});
