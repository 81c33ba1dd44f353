import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { collectFingerprint } from "@ninsho/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { json, testDevice } from "./support/device.js";

// No server is reached: `status` of a machine with no key reads only the folder and the machine.
const server = { url: "http://127.0.0.1:9", productId: "prd_01SALTGIVEN" };
const SALT = "nfs1.the-vendor-shipped-salt";
const REAL_MACHINE = { NINSHO_DEVICE_FINGERPRINT: "", NINSHO_SALT: "" };

interface VerboseJson {
  verbose: { machine: { source: string; components: { kind: string; digest: string }[] } };
}

const digestsWith = async (productSalt: string) =>
  (await collectFingerprint({ productSalt })).fingerprint.components.map((c) => c.digest).sort();

const digestsOf = (run: VerboseJson) => run.verbose.machine.components.map((c) => c.digest).sort();

describe("the device commands salt this machine's digests with the vendor's salt", () => {
  it("from --salt or NINSHO_SALT: the SDK's digests with that salt, not the product id's", async () => {
    const device = testDevice(server, "salt-given");
    const expected = await digestsWith(SALT);
    expect(expected.length).toBeGreaterThan(0);
    const byOption = json<VerboseJson>(
      await device.run(["status", "--verbose", "--json", "--salt", SALT], REAL_MACHINE),
    );
    expect(byOption.verbose.machine.source).toBe("collector");
    expect(digestsOf(byOption)).toEqual(expected);
    expect(digestsOf(byOption)).not.toEqual(await digestsWith(server.productId));
    const byEnv = json<VerboseJson>(
      await device.run(["status", "--verbose", "--json"], { ...REAL_MACHINE, NINSHO_SALT: SALT }),
    );
    expect(digestsOf(byEnv)).toEqual(expected);
  });

  it("from the folder's cli.json, for the product it remembers only", async () => {
    const device = testDevice(server, "salt-remembered");
    writeFileSync(
      join(device.dir, "cli.json"),
      JSON.stringify({
        format: "ninsho-device-cli/1",
        productId: server.productId,
        url: server.url,
        productSalt: SALT,
      }),
    );
    const remembered = json<VerboseJson>(await device.run(["status", "--verbose", "--json"], REAL_MACHINE));
    expect(digestsOf(remembered)).toEqual(await digestsWith(SALT));
    const other = await device.run(["status", "--json"], { ...REAL_MACHINE, NINSHO_PRODUCT: "prd_01OTHER" });
    expect(other.code).toBe(2);
    expect(JSON.parse(other.stderr).error.code).toBe("NO_PRODUCT_SALT");
  });
});

describe("an activation remembers the salt in the folder", () => {
  let live: LiveServer;
  beforeAll(async () => {
    live = await startLiveServer();
  });
  afterAll(() => live.dispose());

  it("cli.json keeps NINSHO_SALT after activate, so later commands need not be given it", async () => {
    const device = testDevice(live, "salt-kept");
    const license = await live.newLicense();
    expect((await device.run(["install-key", license.key], { NINSHO_SALT: SALT })).code).toBe(0);
    expect((await device.run(["activate"], { NINSHO_SALT: SALT })).code).toBe(0);
    const settings = JSON.parse(readFileSync(join(device.dir, "cli.json"), "utf8")) as {
      productSalt?: string;
    };
    expect(settings.productSalt).toBe(SALT);
    const later = json<VerboseJson>(await device.run(["status", "--verbose", "--json"], REAL_MACHINE));
    expect(later.verbose.machine.source).toBe("collector");
    expect(digestsOf(later)).toEqual(await digestsWith(SALT));
  });
});
