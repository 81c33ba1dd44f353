/**
 * Hardware identifiers stay private, also from the server's own database: only keyed digests are stored, a
 * database from before keying is re-keyed at start without losing a device, and support and readonly tokens
 * never see digests at all.
 */
import { isKeyedDigest, keyComponents } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { rekeyStoredDigests } from "../src/security/rekeyDigests.js";
import { backends, useBackendServers } from "./support/backends.js";
import { machine, withChanged } from "./support/fingerprints.js";
import { silentLogger, useServers } from "./support/server.js";

interface DeviceBody {
  readonly id: string;
  readonly components: { readonly kind: string; readonly digest?: string }[];
}

describe("component privacy", () => {
  const servers = useServers();

  it("stores keyed digests only, shows them to the admin role only, and kinds alone to support and readonly", async () => {
    const t = await servers.start();
    const c = await t.catalogue();
    const fp = machine("private");
    await t.activated(c.key, fp);
    const [stored] = await t.store.devices.listAll(c.licenseId);
    expect(stored?.components.every((component) => isKeyedDigest(component.digest))).toBe(true);
    expect(stored?.components).toEqual(keyComponents(t.deps.secrets.componentDigests, fp.components));

    const admin = (await t.adminGet(`/v1/admin/licenses/${c.licenseId}`)).body as { devices: DeviceBody[] };
    expect(admin.devices[0]?.components).toEqual(stored?.components);
    for (const role of ["support", "readonly"] as const) {
      const { token } = await t.token(role);
      const seen = [
        await t.adminGet(`/v1/admin/licenses/${c.licenseId}`, token),
        await t.adminPost("/v1/admin/licenses/lookup", { key: c.key }, token),
      ];
      for (const res of seen) {
        expect(res.status, role).toBe(200);
        const devices = (res.body as { devices: DeviceBody[] }).devices;
        expect(devices[0]?.components.map((component) => component.kind).sort()).toEqual(
          fp.components.map((x) => x.kind).sort(),
        );
        expect(res.text, role).not.toContain("digest");
      }
    }
  });

  it("each product has a fingerprint salt for its app to ship: stable, its own, shown to the admin role only", async () => {
    const t = await servers.start();
    const [a, b] = [await t.product("A"), await t.product("B")];
    const saltOf = async (id: string, token?: string) =>
      ((await t.adminGet(`/v1/admin/products/${id}`, token)).body as { fingerprintSalt?: string })
        .fingerprintSalt;
    const salt = await saltOf(a);
    expect(salt).toMatch(/^nfs1\.[\w-]{43}$/);
    expect(await saltOf(a)).toBe(salt);
    expect(await saltOf(b)).not.toBe(salt);
    expect(salt).not.toContain(a);
    for (const role of ["support", "readonly"] as const) {
      const { token } = await t.token(role);
      const res = await t.adminGet(`/v1/admin/products/${a}`, token);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain("fingerprintSalt");
    }
  });

  it("a recognised device's new baseline is keyed too, and matching still explains by kind", async () => {
    const t = await servers.start();
    const c = await t.catalogue();
    const fp = machine("baseline");
    const { deviceId } = await t.activated(c.key, fp);
    const moved = withChanged(fp, ["gpu"]);
    const again = await t.activate(c.key, moved);
    expect([again.status, (again.body as { device: { id: string } }).device.id]).toEqual([200, deviceId]);
    const [stored] = await t.store.devices.listAll(c.licenseId);
    expect(stored?.components).toEqual(keyComponents(t.deps.secrets.componentDigests, moved.components));
  });
});

describe.each(backends)("re-keying a database from before keyed digests, on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  it.skipIf(skip)(
    "keeps every device: the same machine is recognised after the start re-keys its digests",
    async () => {
      const t = await start();
      const c = await t.catalogue({ maxDevices: 2 }, 1);
      const machines = [machine("old-one"), machine("old-two")];
      const ids: string[] = [];
      for (const fp of machines) ids.push((await t.activated(c.key, fp)).deviceId);
      // As a database written before keying holds them: the clients' digests, and the migration's mark.
      for (const [i, id] of ids.entries()) {
        const fp = machines[i];
        if (fp === undefined) throw new Error("a machine per device");
        const keyed = keyComponents(t.deps.secrets.componentDigests, fp.components);
        expect(await t.store.devices.replaceComponents(id, keyed, fp.components)).toBe(true);
      }
      await t.store.settings.set("component_digests", "client");

      expect(await rekeyStoredDigests(t.store, t.deps.secrets, silentLogger())).toBe(2);
      expect(await t.store.settings.get("component_digests")).toBe("keyed");
      for (const device of await t.store.devices.listAll(c.licenseId))
        expect(device.components.every((component) => isKeyedDigest(component.digest))).toBe(true);
      // Idempotent: a second start finds nothing to do.
      expect(await rekeyStoredDigests(t.store, t.deps.secrets, silentLogger())).toBe(0);

      for (const [i, fp] of machines.entries()) {
        const res = await t.activate(c.key, fp);
        expect([res.status, (res.body as { device: { id: string } }).device.id]).toEqual([200, ids[i]]);
      }
    },
  );

  it.skipIf(skip)("the migration marks an existing database for re-keying", async () => {
    const t = await start();
    expect(await t.store.settings.get("component_digests")).toBe("client");
  });
});
