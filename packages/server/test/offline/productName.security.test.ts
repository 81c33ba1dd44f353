/**
 * The product's display name in the public phone-activation answers, on both stores: given to a caller whose
 * installation ID proved the license's key (the confirmation, and the refusals about that license), never to
 * someone guessing keys or installation IDs.
 */
import { encodeInstallationId, generateProductKey } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "../support/backends.js";
import { machine } from "../support/fingerprints.js";
import { errorOf } from "../support/http.js";
import { confirm, installationIdOf } from "./support.js";

const NAME = "Kōjō Planner 7";

describe.each(backends)("phone activation names the product on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  it.skipIf(skip)("happy: the confirmation carries the product's display name", async () => {
    const t = await start();
    const c = await t.catalogue({ maxDevices: 1 }, 1, await t.product(NAME));
    const res = await confirm(t, (await installationIdOf(t, c.productId, c.key, machine("a"))).text);
    expect(res.status).toBe(201);
    expect(res.body.license).toEqual({ id: c.licenseId, productId: c.productId, productName: NAME });
  });

  it.skipIf(skip)(
    "happy: a full license's refusal and a move without the owner's proof name it, for the key's holder",
    async () => {
      const t = await start();
      const c = await t.catalogue({ maxDevices: 1, transfersPerYear: 1 }, 1, await t.product(NAME));
      const old = await confirm(t, (await installationIdOf(t, c.productId, c.key, machine("old"))).text);
      const iid = await installationIdOf(t, c.productId, c.key, machine("new"));
      const full = errorOf(await confirm(t, iid.text));
      expect(full).toMatchObject({ code: "DEVICE_LIMIT_REACHED", details: { productName: NAME } });
      // The devices list the page shows is still there beside the name.
      expect(full.details).toMatchObject({ devices: [{ id: old.body.device.id }] });
      const unproven = errorOf(await confirm(t, iid.text, { transferFromDeviceId: old.body.device.id }));
      expect(unproven).toMatchObject({ code: "TRANSFER_PROOF_REQUIRED", details: { productName: NAME } });
    },
  );

  // The attacker guesses keys, or knows a license's short id (it is in every installation ID of that license)
  // and makes up IDs without its key: each is refused exactly as before, and no product name is in the answer.
  it.skipIf(skip)("security: a guessed key or a made-up ID on a real license learns no name", async () => {
    const t = await start();
    const c = await t.catalogue({ maxDevices: 1 }, 1, await t.product(NAME));
    const guessed = await installationIdOf(t, c.productId, generateProductKey(), machine("a"));
    const genuine = await installationIdOf(t, c.productId, c.key, machine("a"));
    const forged = encodeInstallationId({ ...genuine, proof: genuine.proof ^ 1 });
    const never = await confirm(t, guessed.text);
    const wrong = await confirm(t, forged.text);
    expect([never.status, wrong.status]).toEqual([404, 404]);
    expect(errorOf(wrong)).toEqual(errorOf(never));
    for (const answer of [never, wrong]) {
      expect(errorOf(answer).details).toBeUndefined();
      expect(answer.text).not.toContain(NAME);
      expect(answer.text).not.toContain(c.productId);
    }
  });
});
