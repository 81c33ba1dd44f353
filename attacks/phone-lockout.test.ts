/**
 * Capability: a stranger who has seen one installation ID (read aloud on a phone line, shown on a screen,
 * pasted in a support ticket); one address.
 * Attack: send ten IDs with the same license number and made-up proofs, the count that used to stop
 * self-service phone activation for that license for a day — to lock the owner out.
 * Expected outcome: wrong proofs are counted for the stranger's address (and against the license, for support
 * to see and to tighten the limit on whoever guesses next); the owner, from their own address, with the
 * genuine ID, is confirmed at once. The stranger is refused further guesses. (Before this defence: the owner
 * got 429 for 24 hours.)
 */
import { encodeInstallationId } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { confirm, installationIdOf } from "../packages/server/test/offline/support.js";
import { machine } from "../packages/server/test/support/fingerprints.js";
import { errorOf } from "../packages/server/test/support/http.js";
import { useServers } from "../packages/server/test/support/server.js";

const from = (address: string) => ({ headers: { "x-forwarded-for": address } });

describe("attack: locking an installation ID's owner out of phone activation", () => {
  const servers = useServers();

  it("ten wrong proofs from a stranger do not stop the owner", async () => {
    const t = await servers.start({ app: { trustProxy: 1 } });
    const c = await t.catalogue();
    const genuine = await installationIdOf(t, c.productId, c.key, machine("owner"));
    for (let i = 1; i <= 10; i++) {
      const forged = encodeInstallationId({ ...genuine, proof: genuine.proof ^ i });
      const res = await confirm(t, forged.text, {}, from("198.51.100.66"));
      expect(errorOf(res).code).toBe("INSTALLATION_ID_NOT_FOUND");
    }
    const owner = await confirm(t, genuine.text, {}, from("203.0.113.20"));
    expect(owner.status).toBe(201);
    // The stranger is out of guesses for the day, even with another made-up proof.
    const more = encodeInstallationId({ ...genuine, proof: genuine.proof ^ 11 });
    expect(errorOf(await confirm(t, more.text, {}, from("198.51.100.66"))).code).toBe("RATE_LIMITED");
  });

  it("many strangers each get one guess a day once the license is under attack", async () => {
    const t = await servers.start({ app: { trustProxy: 1 } });
    const c = await t.catalogue();
    const genuine = await installationIdOf(t, c.productId, c.key, machine("owner"));
    for (let i = 1; i <= 10; i++) {
      const forged = encodeInstallationId({ ...genuine, proof: genuine.proof ^ i });
      expect((await confirm(t, forged.text, {}, from(`198.51.100.${i}`))).status).toBe(404);
    }
    // The license has taken its ten wrong proofs: a stranger who has already failed once is refused.
    const again = encodeInstallationId({ ...genuine, proof: genuine.proof ^ 12 });
    expect(errorOf(await confirm(t, again.text, {}, from("198.51.100.1"))).code).toBe("RATE_LIMITED");
    // The owner is not.
    expect((await confirm(t, genuine.text, {}, from("203.0.113.21"))).status).toBe(201);
  });
});
