import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe as catalogueText } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../../testing/liveServer.js";
import { json, testDevice } from "../support/device.js";

let server: LiveServer;
let jwks: string;
beforeAll(async () => {
  server = await startLiveServer();
  jwks = await (await fetch(`${server.url}/.well-known/jwks.json`)).text();
});
afterAll(() => server.dispose());

/** What the vendor's portal does with a request file brought on a USB stick. */
async function portal(requestFile: string) {
  const res = await fetch(`${server.url}/v1/offline/license-files`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ requestFile }),
  });
  return { status: res.status, body: (await res.json()) as { licenseFile: string; device: { id: string } } };
}

const usb = () => mkdtempSync(join(tmpdir(), "ninsho-usb-"));

/** A device with a key that wrote its request file to a USB folder, and the license file made of it. */
async function withLicenseFile(name: string, extra: readonly string[] = []) {
  const device = testDevice(server, name);
  const installed = await device.run(["install-key", (await server.newLicense()).key]);
  if (installed.code !== 0) throw new Error(installed.stderr);
  const stick = usb();
  const requestPath = join(stick, "request.json");
  const written = await device.spawn(["request-file", "--out", requestPath, ...extra]);
  expect(written.code, written.stderr).toBe(0);
  const answer = await portal(readFileSync(requestPath, "utf8"));
  expect(answer.status).toBe(201);
  const licensePath = join(stick, "ninsho-license.jwe");
  writeFileSync(licensePath, answer.body.licenseFile);
  return { device, stick, requestPath, licensePath, written, answer: answer.body };
}

describe("ninsho device request-file and install-file: USB activation", () => {
  it("writes a sealed request, installs the sealed license file with the vendor's keys, and runs on its lease", async () => {
    const { device, requestPath, licensePath, written, answer } = await withLicenseFile("usb-a");
    expect(written.stdout).toContain(
      `Wrote the request file ${requestPath}; its license file will be sealed to this machine`,
    );
    expect(written.stdout).toContain("ninsho device install-file <license file>");
    expect(JSON.parse(readFileSync(requestPath, "utf8"))).toMatchObject({ format: "ninsho.offline-request" });
    expect(answer.licenseFile.split(".")).toHaveLength(5);

    // A machine that was never online knows no key of the product: it must be given the vendor's.
    const keyless = await device.run(["install-file", licensePath]);
    expect(keyless.code).toBe(2);
    expect(keyless.stderr).toContain("Error LICENSE_FILE_INVALID:");
    expect(keyless.stderr).toContain("--public-key");

    const installed = await device.spawn(["install-file", licensePath, "--public-key", jwks]);
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(
      `Installed the license file (sealed to this machine): this machine is device ${answer.device.id} on license lic_`,
    );
    // The keys were kept: status needs no --public-key.
    const status = json<{ status: { state: string; deviceId: string; leaseKind: string } }>(
      await device.run(["status", "--json"]),
    );
    expect(status.status).toMatchObject({ state: "active", deviceId: answer.device.id, leaseKind: "signed" });
  });

  it("prints the request to stdout without --out, unsealed with --no-seal", async () => {
    const device = testDevice(server, "usb-b");
    await device.run(["install-key", (await server.newLicense()).key]);
    const run = await device.spawn(["request-file", "--no-seal"]);
    expect(run.code, run.stderr).toBe(0);
    const request = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(request).toMatchObject({ format: "ninsho.offline-request", version: 1 });
    expect(request).not.toHaveProperty("encryptTo");
    expect(run.stderr).toContain("(its license file will not be sealed)");
    const answer = await portal(run.stdout);
    const file = join(usb(), "license.jwt");
    writeFileSync(file, answer.body.licenseFile);
    const installed = await device.run(["install-file", file, "--public-key", jwks, "--json"]);
    expect(installed.code, installed.stderr).toBe(0);
    expect(json<{ licenseFile: { sealed: boolean } }>(installed).licenseFile.sealed).toBe(false);
  });

  it("names an --out file it cannot write: OUTPUT_FAILED, exit 1, as on the admin side", async () => {
    const device = testDevice(server, "usb-e");
    await device.run(["install-key", (await server.newLicense()).key]);
    const out = join(usb(), "no-such-folder", "request.json");
    const run = await device.run(["request-file", "--out", out]);
    expect(run.code).toBe(1);
    const text = catalogueText("OUTPUT_FAILED", "en", { path: out, cause: "ENOENT" });
    expect(run.stderr).toBe(`Error OUTPUT_FAILED: ${text.message}\nWhat to do: ${text.remedy}\n`);
  });

  it("refuses a tampered file, another machine's file, and a file that is not there", async () => {
    const a = await withLicenseFile("usb-c");
    const b = await withLicenseFile("usb-d");
    const tampered = join(a.stick, "tampered.jwe");
    const parts = a.answer.licenseFile.split(".");
    const body = parts[3] ?? "";
    parts[3] = `${body.slice(0, 10)}${body[10] === "A" ? "B" : "A"}${body.slice(11)}`;
    writeFileSync(tampered, parts.join("."));
    const altered = await a.device.spawn(["install-file", tampered, "--public-key", jwks]);
    expect(altered.code).toBe(3);
    expect(altered.stderr).toContain(
      "LICENSE_FILE_INVALID: The license file cannot be installed on this machine: it was sealed to another machine, or altered",
    );
    const crossed = await a.device.run(["install-file", b.licensePath, "--public-key", jwks]);
    expect(crossed.code).toBe(3);
    expect(crossed.stderr).toContain("sealed to another machine");
    const missing = await a.device.run(["install-file", join(a.stick, "nope.jwe"), "--public-key", jwks]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("it cannot be read (ENOENT)");
    const status = json<{ status: { state: string } }>(await a.device.run(["status", "--json"]));
    expect(status.status.state).toBe("not_activated");
  });
});
