/**
 * Every path that hands a device a lease keeps the lease's digest in the device row, so the device's next
 * validation recognises it with one hash, even in a process whose issuer has nothing cached (no Ed25519 sign,
 * no verify): activation, a refresh by validation, a transfer, a license file. On SQLite and PostgreSQL.
 */
import { createOfflineRequest, readLicenseFile, serializeOfflineRequest } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { currentLease } from "../src/services/presentedLease.js";
import { canonicalKey } from "./offline/support.js";
import { backends, useBackendServers } from "./support/backends.js";
import type { ValidationBody } from "./support/bodies.js";
import { DAY } from "./support/clock.js";
import { machine } from "./support/fingerprints.js";
import { freshIssuer } from "./support/freshIssuer.js";
import { post } from "./support/http.js";
import type { TestServer } from "./support/server.js";
import { ownedCatalogue, transferWithCode } from "./support/transfers.js";

/** Whether a process with nothing cached recognises `lease` as its device's current one, and how. */
async function recognisedByDigest(t: TestServer, lease: string) {
  const { deps, signed } = freshIssuer(t.deps);
  const found = await currentLease(deps, lease);
  return { recognised: found !== undefined, signed: signed() };
}

const byDigest = { recognised: true, signed: 0 };

describe.each(backends)("the issued lease's digest on $name", ({ name, skip }) => {
  describe.skipIf(skip)("happy", () => {
    const start = useBackendServers(name);

    it("activation and a refresh keep the digest of the lease they hand out; the replaced one no longer matches", async () => {
      const t = await start();
      const c = await t.catalogue({ leaseSeconds: 8 * 86_400 });
      const fp = machine(`digest-${name}`);
      const { lease, deviceId } = await t.activated(c.key, fp);
      expect((await t.store.devices.findById(deviceId))?.leaseDigest).toMatch(/^[\w-]{43}$/);
      expect(await recognisedByDigest(t, lease)).toEqual(byDigest);

      // Through the route, in a server whose issuer has nothing cached: the answer re-sends the presented lease,
      // and no lease is signed for it (only the answer's own signature is made).
      const { deps, signed } = freshIssuer(t.deps);
      Object.assign(t.deps, { leases: deps.leases });
      const again = (await t.validate({ lease }, fp)).body as unknown as ValidationBody;
      expect([again.valid, again.lease === lease, signed()]).toEqual([true, true, 0]);

      t.clock.advance(3 * DAY); // past a quarter of the lease: the validation issues the next one
      const refreshed = (await t.validate({ lease }, fp)).body as unknown as ValidationBody;
      const next = refreshed.lease ?? "";
      expect([refreshed.valid, next === lease]).toEqual([true, false]);
      expect(await recognisedByDigest(t, next)).toEqual(byDigest);
      // The lease before it is re-created against the device's state now, which does not give it back.
      expect(await recognisedByDigest(t, lease)).toEqual({ recognised: false, signed: 1 });
    });

    it("a transfer keeps the digest of the new machine's lease", async () => {
      const t = await start();
      const c = await ownedCatalogue(t, { maxDevices: 1 }, `digest-${name}@example.jp`);
      const { deviceId } = await t.activated(c.key, machine(`old-${name}`));
      const move = { replacesDeviceId: deviceId, fingerprint: machine(`new-${name}`) };
      const moved = await transferWithCode(t, c.key, move, { email: `digest-${name}@example.jp` });
      expect(moved.status).toBe(201);
      const { lease } = moved.body as { lease: string };
      expect(await recognisedByDigest(t, lease)).toEqual(byDigest);
    });

    it("a license file keeps the digest of the lease inside it", async () => {
      const t = await start();
      const c = await t.catalogue({ maxDevices: 1 });
      const fp = machine(`file-${name}`);
      const request = createOfflineRequest({
        key: canonicalKey(c.key),
        productId: c.productId,
        device: { name: "Press 7", platform: "linux" },
        fingerprint: fp,
        at: t.clock.now(),
      });
      const requestFile = serializeOfflineRequest(request);
      const res = await post<{ licenseFile: string }>(t.app, "/v1/offline/license-files", { requestFile });
      expect(res.status).toBe(201);
      const installed = readLicenseFile({ file: res.body.licenseFile, keys: await t.publicKeys(), request });
      if (!installed.ok) throw new Error("the license file installs");
      expect(await recognisedByDigest(t, installed.value.claims.lease)).toEqual(byDigest);
    });
  });
});
