/**
 * The admin routes the web console reads: counts for its charts from the events table, one search box for
 * any identifier, and a license's refusals explained in the reader's language.
 */
import { describe, expect, it } from "vitest";
import { machine, withChanged } from "./support/fingerprints.js";
import { aDevice, useServers } from "./support/server.js";

interface StatsBody {
  perDay: { day: string; activations: number; recognized: number; refusals: number; transfers: number }[];
  refusalsByCode: { code: string; count: number }[];
  devicesPerLicense: { devices: number; licenses: number }[];
  scores: { bins: number[]; accepted: number[]; refused: number[] };
  truncated: boolean;
}
interface SearchBody {
  matches: { kind: string; license: { id: string }; deviceId?: string }[];
}

describe("admin: what the console reads", () => {
  const servers = useServers();

  it("counts activations, recognitions and refusals per day, by code, by devices and by score", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ maxDevices: 1 }, 2);
    await t.activated(c.key, machine("one"));
    await t.activated(c.key, machine("one")); // recognised, score 1
    const refused = await t.activate(
      c.key,
      withChanged(machine("one"), ["board", "disk", "mac", "os-install"]),
    );
    expect(refused.status).toBe(409);

    const res = await t.adminGet("/v1/admin/stats?days=7");
    expect(res.status).toBe(200);
    const stats = res.body as unknown as StatsBody;
    expect(stats.perDay).toHaveLength(7);
    const today = stats.perDay.at(-1);
    expect(today).toMatchObject({ activations: 1, recognized: 1, refusals: 1, transfers: 0 });
    expect(stats.perDay.slice(0, -1).every((d) => d.activations + d.refusals === 0)).toBe(true);
    expect(stats.refusalsByCode).toEqual([{ code: "DEVICE_LIMIT_REACHED", count: 1 }]);
    expect(stats.devicesPerLicense).toEqual([{ devices: 1, licenses: 1 }]);
    expect(stats.scores.accepted.reduce((a, b) => a + b, 0)).toBe(1);
    expect(stats.scores.accepted.at(-1)).toBe(1); // a score of 1 falls in the last bin
    expect(stats.scores.refused.reduce((a, b) => a + b, 0)).toBe(1);
    expect(stats.truncated).toBe(false);
  });

  it("finds a license by key, email, license id, device id and device name", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ maxDevices: 2 });
    const [owned] = await t.issue(c.policyId, 1, "Aiko@Example.jp");
    const { deviceId } = await t.activated(c.key, machine("lab"), aDevice("Lab PC 3", "windows"));
    const search = async (query: string) =>
      (await t.adminPost("/v1/admin/licenses/search", { query })).body as unknown as SearchBody;

    expect((await search(c.key.toLowerCase().replaceAll("-", " "))).matches).toMatchObject([
      { kind: "key", license: { id: c.licenseId } },
    ]);
    expect((await search("aiko@example.jp")).matches).toMatchObject([
      { kind: "email", license: { id: owned?.id } },
    ]);
    expect((await search(c.licenseId)).matches).toMatchObject([
      { kind: "license", license: { id: c.licenseId } },
    ]);
    expect((await search(deviceId)).matches).toMatchObject([
      { kind: "device", license: { id: c.licenseId }, deviceId },
    ]);
    expect((await search("lab pc 3")).matches).toMatchObject([
      { kind: "deviceName", license: { id: c.licenseId }, deviceId },
    ]);
    expect((await search("nobody by this name")).matches).toEqual([]);
  });

  it("explains a license's last refusal: the catalogue's words, the score, the threshold, what changed", async () => {
    const t = await servers.start();
    const c = await t.catalogue({ maxDevices: 1 });
    await t.activated(c.key, machine("one"));
    await t.activate(c.key, withChanged(machine("one"), ["board", "disk", "mac", "os-install"]));

    for (const language of ["en", "ja"] as const) {
      const res = await t.adminCall("GET", `/v1/admin/licenses/${c.licenseId}/refusals?lang=${language}`);
      expect(res.status).toBe(200);
      const [last] = (res.body as { refusals: Record<string, unknown>[] }).refusals;
      expect(last).toMatchObject({ code: "DEVICE_LIMIT_REACHED", maxDevices: 1 });
      expect(String(last?.message)).not.toMatch(/\{/); // every placeholder filled
      expect(typeof last?.score).toBe("number");
      expect(Number(last?.score)).toBeLessThan(Number(last?.threshold));
      expect(last?.changed).toEqual(expect.arrayContaining([{ kind: "board", outcome: "changed" }]));
      if (language === "ja") expect(String(last?.message)).toMatch(/[\u3040-\u30ff]/);
    }
  });
});
