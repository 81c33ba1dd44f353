import { describe as catalogue } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { testDevice } from "./support/device.js";

// No server is reached: the salt is refused before anything is read or sent.
const server = { url: "http://127.0.0.1:9", productId: "prd_01SALTMISSING" };
// The real collector, as on an end user's machine (not the test fingerprint file).
const REAL_MACHINE = { NINSHO_DEVICE_FINGERPRINT: "", NINSHO_SALT: "" };

describe("the vendor's fingerprint salt is required: never the public product id", () => {
  it("refuses with NO_PRODUCT_SALT (exit 2), in English and Japanese, before reading the machine", async () => {
    const device = testDevice(server, "salt-missing");
    const run = await device.run(["status", "--verbose"], REAL_MACHINE);
    expect(run.code).toBe(2);
    const en = catalogue("NO_PRODUCT_SALT", "en");
    expect(run.stderr).toContain(`Error NO_PRODUCT_SALT: ${en.message}\nWhat to do: ${en.remedy}`);
    expect(run.stdout).toBe("");

    const ja = await device.run(["activate"], { ...REAL_MACHINE, LANG: "ja_JP.UTF-8" });
    expect(ja.code).toBe(2);
    expect(ja.stderr).toContain(`NO_PRODUCT_SALT: ${catalogue("NO_PRODUCT_SALT", "ja").message}`);
  });

  it("a blank --salt is no salt; --json gives the coded error on stderr", async () => {
    const device = testDevice(server, "salt-blank");
    const run = await device.run(["status", "--json", "--salt", "  "], REAL_MACHINE);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stderr)).toEqual({
      error: { code: "NO_PRODUCT_SALT", ...catalogue("NO_PRODUCT_SALT", "en") },
    });
  });
});
