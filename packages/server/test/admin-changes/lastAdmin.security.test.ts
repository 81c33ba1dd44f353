/**
 * The vendor is never locked out of their own server by revocations at the same moment. Attacker: an admin
 * (or a script gone wrong) sending `DELETE /v1/admin/tokens/{id}` for every live admin token at once. Without
 * one serialisation point, two revocations each count the other's token as the one left and both go through.
 * Each request revokes the very token it signs with, so no request is refused for a token another request
 * revoked first: every answer is about the last-admin rule alone.
 */
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "../support/backends.js";
import { type Answer, call, errorOf, post } from "../support/http.js";

/** Admin tokens revoked at once, per round; rounds per test, to give an unlucky interleaving its chances. */
const TOKENS = 6;
const ROUNDS = 3;

describe.each(backends)("last admin token on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  describe.skipIf(skip)("security", () => {
    it(`revoking ${TOKENS} live admin tokens at once leaves exactly one (${ROUNDS} rounds)`, async () => {
      const t = await start();
      let survivor = t.admin;
      for (let round = 0; round < ROUNDS; round++) {
        const whoami = await call(t.app, "GET", "/v1/admin/whoami", undefined, { token: survivor });
        const tokens = [{ id: String(whoami.body.tokenId), token: survivor }];
        for (let i = 1; i < TOKENS; i++) {
          const body = { name: `spare ${round}.${i}`, role: "admin" };
          const made = await post(t.app, "/v1/admin/tokens", body, { token: survivor });
          expect(made.status).toBe(201);
          tokens.push({ id: String(made.body.id), token: String(made.body.token) });
        }

        const answers: Answer[] = await Promise.all(
          tokens.map((k) => call(t.app, "DELETE", `/v1/admin/tokens/${k.id}`, undefined, { token: k.token })),
        );

        expect(answers.map((a) => a.status).sort()).toEqual([...Array(TOKENS - 1).fill(200), 409]);
        const refused = answers.findIndex((a) => a.status === 409);
        expect(errorOf(answers[refused] as Answer).code).toBe("LAST_ADMIN_TOKEN");
        const live = (await t.store.tokens.list()).filter((k) => k.role === "admin" && !k.revokedAt);
        expect(live.map((k) => k.id)).toEqual([tokens[refused]?.id]);
        // The one left still works: the vendor is not locked out.
        survivor = tokens[refused]?.token ?? "";
        const still = await call(t.app, "GET", "/v1/admin/whoami", undefined, { token: survivor });
        expect(still.status).toBe(200);
      }
    });
  });
});
