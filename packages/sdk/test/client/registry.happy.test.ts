/**
 * The `reg query` parser on output in reg.exe's format (CRLF lines, four-space columns, the key path line
 * first, localized names for the unnamed value), one fixture per shape a vendor's value may take.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeKeySource, parseRegQuery } from "../../src/index.js";

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/reg-query/${name}`, import.meta.url), "utf8");

describe("reg query parser", () => {
  it("reads the value asked for with `reg query <key> /v <value>`", () => {
    expect(parseRegQuery(fixture("value.txt"), "ProductKey")).toBe("JYTG9-X6CJ6-JGC3R-8V6Q9-48HP2");
    // The registry compares names without case.
    expect(parseRegQuery(fixture("value.txt"), "productkey")).toBe("JYTG9-X6CJ6-JGC3R-8V6Q9-48HP2");
  });

  it("picks one value out of a whole key's listing, names with spaces included", () => {
    const output = fixture("whole-key.txt");
    expect(parseRegQuery(output, "OEM Product Key")).toBe("jytg9 x6cj6 jgc3r 8v6q9 48hp2");
    expect(parseRegQuery(output, "InstallDir")).toBe("C:\\Program Files (x86)\\Acme\\Editor\\");
    expect(parseRegQuery(output, "Editions")).toBe("JYTG9-X6CJ6-JGC3R-8V6Q9-48HP2");
    // Not strings: never a key.
    expect(parseRegQuery(output, "Version")).toBeUndefined();
    expect(parseRegQuery(output, "Checksum")).toBeUndefined();
    // An unset unnamed value is empty, and absent names are absent.
    expect(parseRegQuery(output, "")).toBe("");
    expect(parseRegQuery(output, "Missing")).toBeUndefined();
  });

  it("reads the unnamed value as Japanese Windows prints it", () => {
    expect(parseRegQuery(fixture("default-ja.txt"), "")).toBe("JYTG9-X6CJ6-JGC3R-8V6Q9-48HP2");
  });

  it("finds nothing in an error or empty output", () => {
    expect(
      parseRegQuery(
        "ERROR: The system was unable to find the specified registry key or value.\r\n",
        "ProductKey",
      ),
    ).toBeUndefined();
    expect(parseRegQuery("", "ProductKey")).toBeUndefined();
  });
});

describe("key sources in words", () => {
  it("names each source in English and Japanese", () => {
    expect(describeKeySource({ kind: "installed" })).toBe("typed in (installKey)");
    expect(describeKeySource({ kind: "file", path: "/etc/acme/product.key" })).toBe(
      "file /etc/acme/product.key",
    );
    expect(describeKeySource({ kind: "env", name: "ACME_PRODUCT_KEY" }, "ja")).toBe(
      "環境変数 ACME_PRODUCT_KEY",
    );
    expect(describeKeySource({ kind: "registry", key: "HKLM\\SOFTWARE\\Acme", value: "ProductKey" })).toBe(
      "registry value ProductKey of HKLM\\SOFTWARE\\Acme",
    );
  });
});
