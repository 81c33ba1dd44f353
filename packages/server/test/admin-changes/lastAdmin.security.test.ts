/**
 * The vendor is never locked out of their own server by revocations at the same moment. Attacker: an admin
 * (or a script gone wrong) sending `DELETE /v1/admin/tokens/{id}` for every live admin token at once, each
 * request on its own connection; without a lock both counts see two live tokens and both revocations go.
 */
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "../support/backends.js";
import { call, errorOf, post } from "../support/http.js";

const ROUNDS = 5;

describe.each(backends)("last admin token on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  describe.skipIf(skip)("security", () => {
    it(`revoking every live admin token at once leaves exactly one (${ROUNDS} rounds)`, async () => {
      const t = await start();
      // The token string of an admin token that is live, whichever survived the last round.
      let admin = t.admin;
      for (let round = 0; round < ROUNDS; round++) {
        const made = await post(
          t.app,
          "/v1/admin/tokens",
          { name: `spare ${round}`, role: "admin" },
          { token: admin },
        );
        expect(made.status).toBe(201);
        const spare = made.body as { id: string; token: string };
        const live = (await t.store.tokens.list()).filter((k) => k.role === "admin" && !k.revokedAt);
        expect(live.length).toBeGreaterThanOrEqual(2);
        const answers = await Promise.all(
          live.map((k) => call(t.app, "DELETE", `/v1/admin/tokens/${k.id}`, undefined, { token: admin })),
        );
        const left = (await t.store.tokens.list()).filter((k) => k.role === "admin" && !k.revokedAt);
        expect(left).toHaveLength(1);
        const refused = answers.filter((a) => a.status === 409);
        expect(refused).toHaveLength(1);
        expect(refused.map((a) => errorOf(a).code)).toEqual(["LAST_ADMIN_TOKEN"]);
        // The one left still works: the vendor is not locked out.
        if (left[0]?.id === spare.id) admin = spare.token;
        const whoami = await call(t.app, "GET", "/v1/admin/whoami", undefined, { token: admin });
        expect(whoami.status).toBe(200);
      }
    });
  });
});
