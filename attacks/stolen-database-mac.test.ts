/**
 * Capability: someone with a stolen copy of the database file (or a backup) and the public product id — not
 * the master key, which lives apart (`master.key` or `NINSHO_MASTER_KEY`).
 * Attack: recover a customer's raw MAC address from the stored component digests by brute force over the MAC
 * space of a known vendor prefix (OUI), hashing every candidate the way the SDK does.
 * Expected outcome: nothing stored matches any candidate: the server keeps only `k1.<slot>.<hmac>`, an HMAC under
 * a key derived from the master key over what the client sent, so every guess needs the master key. The compact
 * slot it keeps (6 bits for a NIC) leaves hundreds of candidates in a search space where the old derivation
 * pinned the one MAC. The test first shows that on the old scheme (the client's digest stored as it came, salted
 * with the public product id) the same search finds the MAC; before the fix the stored digest was exactly that.
 * The second case plays someone who sees what a client sends (a request file handed to support, a TLS proxy):
 * an app that ships its product's fingerprint salt sends digests the same search cannot test; before the fix
 * no such salt existed and every app salted with the public product id.
 */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { buildComponentSet, componentDigest, normalizeValue } from "../packages/sdk/src/fingerprint/index.js";
import { useServers } from "../packages/server/test/support/server.js";

const VENDOR_PREFIX = "A4:83:E7"; // an OUI, public like every vendor's
const VICTIM_MAC = "a4-83-e7-1b-2c-3d";

/** The constructed search space: the vendor prefix, a known fourth byte, every last two bytes (65,536 MACs). */
function* candidates(): Generator<string> {
  for (let i = 0; i < 65_536; i++) {
    const tail = [i >> 8, i & 0xff].map((b) => b.toString(16).padStart(2, "0").toUpperCase());
    yield `${VENDOR_PREFIX}:1B:${tail.join(":")}`;
  }
}

/** Every candidate whose SDK digest under the public product id is in `stored`. */
function search(productId: string, stored: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const mac of candidates()) if (stored.has(componentDigest(productId, "mac", mac))) found.push(mac);
  return found;
}

describe("attack: recovering a MAC address from a stolen database", () => {
  const servers = useServers();

  it("the old scheme gives the MAC away in a small search; the keyed digests the server stores do not", async () => {
    const t = await servers.start({ storage: "file" });
    const c = await t.catalogue();
    // The victim's machine, digested by the real SDK with the product id as salt (the old default).
    const { set } = buildComponentSet(
      "linux/2",
      [
        { kind: "mac", values: [VICTIM_MAC] },
        { kind: "board", values: ["S4EWNX0R123456"] },
        { kind: "disk", values: ["WD-WX11A1234567"] },
      ],
      c.productId,
    );
    expect((await t.activate(c.key, set)).status).toBe(201);
    const victimMac = normalizeValue("mac", VICTIM_MAC);

    // Control: what the old server stored (the client's digest as it came) falls to the search.
    const oldStored = new Set(set.components.map((component) => component.digest));
    expect(search(c.productId, oldStored)).toEqual([victimMac]);

    // The attack on what this server stores: the database file read directly, as a thief would.
    if (t.dbPath === undefined) throw new Error("a file store");
    const file = new Database(t.dbPath, { readonly: true });
    const rows = file.prepare("select components from devices").all() as { components: string }[];
    file.close();
    const stored = rows.flatMap((row) =>
      (JSON.parse(row.components) as { kind: string; digest: string }[]).map((x) => x),
    );
    expect(stored.length).toBeGreaterThan(0);
    const digests = new Set(stored.map((component) => component.digest));
    for (const component of set.components) expect(digests.has(component.digest)).toBe(false);
    expect(search(c.productId, digests)).toEqual([]);

    // All the stored form leaves is the compact slot: it narrows the search, it does not pin the MAC.
    const macSlot = Number(stored.find((component) => component.kind === "mac")?.digest.split(".")[1]);
    const { compactValue } = await import("@ninsho/core");
    let sharingTheSlot = 0;
    for (const mac of candidates())
      if (compactValue("mac", componentDigest(c.productId, "mac", mac)) === macSlot) sharingTheSlot += 1;
    expect(sharingTheSlot).toBeGreaterThan(500);
  }, 120_000);

  it("digests an app salts with its product's fingerprint salt resist the same search in transit or in a request file", async () => {
    const t = await servers.start();
    const c = await t.catalogue();
    const product = await t.adminGet(`/v1/admin/products/${c.productId}`);
    const salt = (product.body as { fingerprintSalt?: string }).fingerprintSalt ?? "";
    expect(salt).not.toBe("");
    // What the client sends (and writes into an offline request file): digests under the shipped salt.
    const { set } = buildComponentSet("linux/2", [{ kind: "mac", values: [VICTIM_MAC] }], salt);
    const sent = new Set(set.components.map((component) => component.digest));
    expect(search(c.productId, sent)).toEqual([]);
    // The same reading under the public product id, as apps that ship no salt send it, falls to the search.
    const { set: legacy } = buildComponentSet(
      "linux/2",
      [{ kind: "mac", values: [VICTIM_MAC] }],
      c.productId,
    );
    expect(search(c.productId, new Set(legacy.components.map((component) => component.digest)))).toEqual([
      normalizeValue("mac", VICTIM_MAC),
    ]);
  }, 120_000);
});
