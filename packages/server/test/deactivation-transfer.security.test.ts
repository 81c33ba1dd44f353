import { describe, expect, it } from "vitest";
import type { LicenseBody, ValidationBody } from "./support/bodies.js";
import { machine } from "./support/fingerprints.js";
import { errorOf, post } from "./support/http.js";
import { useServers } from "./support/server.js";
import { ownedCatalogue, ownerSignedIn, transferSignedIn } from "./support/transfers.js";

const valid = (body: unknown) => (body as ValidationBody).valid;

describe("deactivation", () => {
  const servers = useServers();

  describe("security", () => {
    it("a forged lease cannot deactivate someone else's device", async () => {
      const t = await servers.start();
      const c = await t.catalogue();
      const fp = machine("victim");
      const { lease } = await t.activated(c.key, fp);
      const [header, payload] = lease.split(".");
      const res = await post(t.app, "/v1/deactivations", { lease: `${header}.${payload}.${"A".repeat(86)}` });
      expect(errorOf(res).code).toBe("LEASE_INVALID");
      expect(valid((await t.validate({ lease }, fp)).body)).toBe(true);
    });
  });
});

describe("transfer", () => {
  const servers = useServers();

  describe("security", () => {
    it("transfers are counted per license under the lock: concurrent transfers never exceed the allowance", async () => {
      const t = await servers.start({ storage: "file" });
      const c = await ownedCatalogue(t, { maxDevices: 1, transfersPerYear: 1 });
      const cookie = await ownerSignedIn(t);
      const { deviceId } = await t.activated(c.key, machine("racer"));
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          transferSignedIn(t, cookie, c.licenseId, {
            replacesDeviceId: deviceId,
            fingerprint: machine(`racer-${i}`),
          }),
        ),
      );
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      const license = (await t.adminGet(`/v1/admin/licenses/${c.licenseId}`)).body as unknown as LicenseBody;
      expect(license.devices?.filter((d) => d.deactivatedAt === undefined)).toHaveLength(1);
    });
  });
});
