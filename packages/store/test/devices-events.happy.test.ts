import { type Device, eventTypes, newId } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { aDevice, anEvent, at, components, seedLicense } from "./support/builders.js";
import { dialects, useStore } from "./support/databases.js";

const ids = (devices: readonly Device[]): string[] => devices.map((d) => d.id);

describe.each(dialects)("$dialect", ({ dialect, skip }) => {
  describe.skipIf(skip)("devices", () => {
    const t = useStore(dialect);

    it("round-trips a device: components as JSON, counters as numbers, deactivatedAt absent", async () => {
      const { license } = await seedLicense(t.store);
      const device = aDevice(license.id, {
        name: "山田のノートPC",
        components: [
          { kind: "board", digest: "ab".repeat(32) },
          { kind: "os-install", digest: "cd".repeat(32) },
        ],
        leaseCounters: { issued: 2_000_000_000, issuedFrom: 1_999_999_999 },
      });
      await t.store.devices.insert(device);
      const found = await t.store.devices.findById(device.id);
      expect(found).toStrictEqual(device);
      expect(found).not.toHaveProperty("deactivatedAt");
      expect(typeof found?.leaseCounters.issued).toBe("number");
      expect(await t.store.devices.findById(newId("device"))).toBeUndefined();
    });

    it("listActive excludes deactivated devices; listAll keeps them; both in id order, per license", async () => {
      const { license } = await seedLicense(t.store);
      const { license: other } = await seedLicense(t.store);
      const d1 = aDevice(license.id);
      const d2 = aDevice(license.id, { deactivatedAt: at(50) });
      const d3 = aDevice(license.id);
      const elsewhere = aDevice(other.id);
      // inserted out of order: listing sorts by id
      for (const d of [d3, elsewhere, d1, d2]) await t.store.devices.insert(d);

      expect(await t.store.devices.listActive(license.id)).toStrictEqual([d1, d3]);
      expect(await t.store.devices.listAll(license.id)).toStrictEqual([d1, d2, d3]);
      await t.store.devices.update(d1.id, { deactivatedAt: at(60) });
      expect(ids(await t.store.devices.listActive(license.id))).toEqual([d3.id]);
      expect(ids(await t.store.devices.listAll(license.id))).toEqual([d1.id, d2.id, d3.id]);
      expect(await t.store.devices.listActive(other.id)).toStrictEqual([elsewhere]);
      expect(await t.store.devices.listAll(newId("license"))).toEqual([]);
    });

    it("updates each patchable field; an empty patch changes nothing; other devices are untouched", async () => {
      const { license } = await seedLicense(t.store);
      const device = aDevice(license.id);
      const bystander = aDevice(license.id);
      await t.store.devices.insert(device);
      await t.store.devices.insert(bystander);

      await t.store.devices.update(device.id, {});
      expect(await t.store.devices.findById(device.id)).toStrictEqual(device);

      const parts = components();
      const patch = {
        name: "renamed",
        platform: "windows",
        collector: "windows/3",
        components: parts,
        fingerprintDigest: "f".repeat(64),
        leaseCounters: { issued: 7, issuedFrom: 6 },
        leaseIssuedAt: at(700),
        lastSeenAt: at(701),
        deactivatedAt: at(702),
        deviceSecret: "v1.sealed-iv.sealed-secret.sealed-tag",
      } as const;
      await t.store.devices.update(device.id, patch);
      expect(await t.store.devices.findById(device.id)).toStrictEqual({ ...device, ...patch });
      expect(await t.store.devices.findById(bystander.id)).toStrictEqual(bystander);

      await t.store.devices.update(bystander.id, { leaseCounters: { issued: 3, issuedFrom: 2 } });
      expect(await t.store.devices.findById(bystander.id)).toStrictEqual({
        ...bystander,
        leaseCounters: { issued: 3, issuedFrom: 2 },
      });
    });

    it("round-trips a device's sealed secret (device proof); a device without one has none", async () => {
      const { license } = await seedLicense(t.store);
      const keyed = aDevice(license.id, { deviceSecret: "v1.sealed-iv.sealed-secret.sealed-tag" });
      const bare = aDevice(license.id);
      await t.store.devices.insert(keyed);
      await t.store.devices.insert(bare);
      expect(await t.store.devices.findById(keyed.id)).toStrictEqual(keyed);
      expect(await t.store.devices.findById(bare.id)).not.toHaveProperty("deviceSecret");
      expect((await t.store.devices.findWithLicense(keyed.id))?.device.deviceSecret).toBe(keyed.deviceSecret);
    });

    it("touchMany moves last_seen forward, never backwards, for many devices at once", async () => {
      const { license } = await seedLicense(t.store);
      const a = aDevice(license.id, { lastSeenAt: at(100) });
      const b = aDevice(license.id, { lastSeenAt: at(100) });
      const c = aDevice(license.id, { lastSeenAt: at(100) });
      for (const d of [a, b, c]) await t.store.devices.insert(d);

      await t.store.devices.touchMany(
        new Map([
          [a.id, at(200)], // forward
          [b.id, at(50)], // backwards: ignored
          [c.id, at(100)], // same: unchanged
          [newId("device"), at(300)], // unknown: ignored
        ]),
      );
      const seen = async (id: string) => (await t.store.devices.findById(id))?.lastSeenAt;
      expect(await seen(a.id)).toBe(at(200));
      expect(await seen(b.id)).toBe(at(100));
      expect(await seen(c.id)).toBe(at(100));

      await t.store.devices.touchMany(new Map([[a.id, at(199)]]));
      expect(await seen(a.id)).toBe(at(200));
      await t.store.devices.touchMany(new Map());
      // nothing else about the device changes
      expect(await t.store.devices.findById(a.id)).toStrictEqual({ ...a, lastSeenAt: at(200) });
    });

    it("touchMany from concurrent flushers ends at the latest instant", async () => {
      const { license } = await seedLicense(t.store);
      const devices = [
        aDevice(license.id, { lastSeenAt: at(0) }),
        aDevice(license.id, { lastSeenAt: at(0) }),
      ];
      for (const d of devices) await t.store.devices.insert(d);
      // PostgreSQL: several instances, as several server processes. SQLite: one store per process, by design
      // (a second in-process connection would wait on the first's write lock synchronously).
      const stores = dialect === "postgres" ? [t.store, t.open(t.db), t.open(t.db)] : [t.store];
      // instants 1..30 in a scrambled order, each flush writing both devices
      const order = Array.from({ length: 30 }, (_, i) => ((i * 7) % 30) + 1);
      await Promise.all(
        order.map((second, i) => {
          const store = stores[i % stores.length];
          if (store === undefined) throw new Error("unreachable");
          return store.transaction((tx) =>
            tx.devices.touchMany(new Map(devices.map((d) => [d.id, at(second)] as const))),
          );
        }),
      );
      for (const d of devices) expect((await t.store.devices.findById(d.id))?.lastSeenAt).toBe(at(30));
    });
  });

  describe.skipIf(skip)("events", () => {
    const t = useStore(dialect);

    it("appends and returns a license's timeline oldest first: JSON data, reason absent unless given", async () => {
      const { license } = await seedLicense(t.store);
      const created = anEvent(license.id, { createdAt: at(0) });
      const activated = anEvent(license.id, {
        type: "device.activated",
        actor: "device:dev_x",
        data: {
          explanation: { score: 0.83, threshold: 0.7, changed: ["disk"], unchanged: ["board", "mac"] },
          note: "認証しました",
          nothing: null,
          ok: true,
          count: 3,
        },
        createdAt: at(1),
      });
      const suspended = anEvent(license.id, {
        type: "license.suspended",
        actor: "token:tok_y",
        reason: "chargeback",
        createdAt: at(2),
      });
      await t.store.events.append(created);
      await t.store.events.append(activated, suspended);

      const timeline = await t.store.events.listByLicense(license.id);
      expect(timeline).toStrictEqual([created, activated, suspended]);
      expect(timeline[0]).not.toHaveProperty("reason");
      expect(await t.store.events.listByLicense(newId("license"))).toEqual([]);
      await t.store.events.append();
      expect(await t.store.events.listByLicense(license.id)).toHaveLength(3);
    });

    it("writes one webhook outbox row per append, and drops a batch of them in one statement", async () => {
      const { license } = await seedLicense(t.store);
      const before = (await t.store.webhooks.peekOutbox(1000)).map((row) => row.id);
      const one = anEvent(license.id);
      const pair = [anEvent(license.id), anEvent(license.id)];
      await t.store.events.append(one);
      await t.store.events.append(...pair);
      const rows = (await t.store.webhooks.peekOutbox(1000)).filter((row) => !before.includes(row.id));
      expect(rows.map((row) => row.eventIds)).toEqual([[one.id], pair.map((e) => e.id)]);

      const ids = rows.map((row) => row.id);
      // A row another process took already is not counted.
      expect(await t.store.webhooks.dropOutbox([...ids, "wh_outbox_gone"])).toBe(2);
      const left = (await t.store.webhooks.peekOutbox(1000)).map((row) => row.id);
      expect(left.filter((id) => ids.includes(id))).toEqual([]);
      expect(await t.store.webhooks.dropOutbox(ids)).toBe(0);
      expect(await t.store.webhooks.dropOutbox([])).toBe(0);
    });

    it("keeps order across many appends and pages with after/limit", async () => {
      const { license } = await seedLicense(t.store);
      const { license: other } = await seedLicense(t.store);
      const events = Array.from({ length: 40 }, (_, i) =>
        anEvent(license.id, { type: "device.recognized", createdAt: at(i), data: { i } }),
      );
      // one by one, and a batch, interleaved with another license's events
      for (const e of events.slice(0, 20)) {
        await t.store.events.append(e);
        await t.store.events.append(anEvent(other.id));
      }
      await t.store.events.append(...events.slice(20));

      expect(await t.store.events.listByLicense(license.id)).toStrictEqual(events);
      const first = await t.store.events.listByLicense(license.id, { limit: 15 });
      expect(first).toStrictEqual(events.slice(0, 15));
      const second = await t.store.events.listByLicense(license.id, {
        after: first[14]?.id ?? "",
        limit: 15,
      });
      expect(second).toStrictEqual(events.slice(15, 30));
      const rest = await t.store.events.listByLicense(license.id, { after: second[14]?.id ?? "" });
      expect(rest).toStrictEqual(events.slice(30));
      expect(await t.store.events.listByLicense(other.id)).toHaveLength(20);
    });

    it("listTypesSince filters by types and an inclusive instant, oldest first", async () => {
      const { license } = await seedLicense(t.store);
      const old = anEvent(license.id, { type: "device.transferred", createdAt: at(10) });
      const edge = anEvent(license.id, { type: "device.transferred", createdAt: at(20) });
      const noise = anEvent(license.id, { type: "device.activated", createdAt: at(25) });
      const recent = anEvent(license.id, { type: "device.deactivated", createdAt: at(30) });
      const late = anEvent(license.id, { type: "device.transferred", createdAt: at(40) });
      await t.store.events.append(old, edge, noise, recent, late);

      expect(await t.store.events.listTypesSince(license.id, ["device.transferred"], at(20))).toStrictEqual([
        edge,
        late,
      ]);
      expect(
        await t.store.events.listTypesSince(license.id, ["device.transferred", "device.deactivated"], at(11)),
      ).toStrictEqual([edge, recent, late]);
      expect(await t.store.events.listTypesSince(license.id, ["license.revoked"], at(0))).toEqual([]);
      expect(await t.store.events.listTypesSince(license.id, [...eventTypes], at(41))).toEqual([]);
    });
  });
});
