import { licenseShortId } from "@ninsho/core";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { backfillShortIds, backfillShortIdsOnce } from "../../src/services/offline/shortIds.js";
import { machine } from "../support/fingerprints.js";
import { errorOf } from "../support/http.js";
import { useServers } from "../support/server.js";
import { sqliteRows } from "../support/sqlite.js";
import { canonicalKey, confirm, installationIdOf, offlineKey } from "./support.js";

describe("short ids and offline keys", () => {
  const servers = useServers();

  it("gives every issued license the short id derived from its key, all distinct", async () => {
    const t = await servers.start({ storage: "file" });
    const c = await t.catalogue({}, 50);
    const rows = sqliteRows(t.dbPath ?? "", "select short_id, license_id from license_short_ids");
    expect(rows).toHaveLength(50);
    const byLicense = new Map(rows.map((r) => [String(r.license_id), Number(r.short_id)]));
    for (const { id, key } of c.licenses) expect(byLicense.get(id)).toBe(licenseShortId(canonicalKey(key)));
    expect(new Set(byLicense.values()).size).toBe(50);
  });

  it("gives each product its own number and key with the product, and keeps them", async () => {
    const t = await servers.start();
    const a = await t.product("A");
    const b = await t.product("B");
    const [ka, kb] = [await offlineKey(t, a), await offlineKey(t, b)];
    expect(ka.productNumber).not.toBe(kb.productNumber);
    expect(ka.publicKey).not.toBe(kb.publicKey);
    expect(await offlineKey(t, a)).toEqual(ka);
    const missing = await t.app.request("/v1/products/prd_01NOPE/offline-key");
    expect(missing.status).toBe(404);
  });

  it("backfills licenses issued before short ids existed; the first miss starts it", async () => {
    const t = await servers.start({ storage: "file" });
    const c = await t.catalogue({}, 3);
    const db = new Database(t.dbPath ?? "");
    db.prepare("delete from license_short_ids").run();
    db.close();
    const iid = await installationIdOf(t, c.productId, c.key, machine("a"));
    expect(errorOf(await confirm(t, iid.text)).code).toBe("INSTALLATION_ID_NOT_FOUND");
    await backfillShortIdsOnce(t.deps);
    expect((await confirm(t, iid.text)).status).toBe(201);
    expect(sqliteRows(t.dbPath ?? "", "select * from license_short_ids")).toHaveLength(3);
    expect(await backfillShortIds(t.deps)).toBe(0);
  });
});
