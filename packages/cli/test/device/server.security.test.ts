import { describe as catalogue } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { activatedDevice, type DoctorJson, finding, json, testDevice } from "./support/device.js";
import { hasOpenssl, networkAddress, proxy, selfSignedTls, stub } from "./support/stubs.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(() => server.dispose());

interface StatusJson {
  status: { state: string; valid: boolean; code?: string; connection: { state: string } };
}

describe("the doctor's server check: faults, TLS, another server, a spoofed answer, a key rotation", () => {
  it("a server failing with 5xx is SERVER_ERROR; one answering HTML is RESPONSE_INVALID", async () => {
    const { device } = await activatedDevice(server);
    const failing = await stub((_request, response) => response.writeHead(503).end());
    try {
      const report = json<DoctorJson>(await device.run(["doctor", "--json"], { NINSHO_URL: failing.url }));
      expect(finding(report, "server")).toMatchObject({
        outcome: "fail",
        code: "SERVER_ERROR",
        remedyNumber: 1,
      });
      expect(finding(report, "server").message).toBe(
        catalogue("SERVER_ERROR", "en", { status: 503 }).message,
      );
    } finally {
      await failing.close();
    }
    const html = await stub((_request, response) =>
      response.writeHead(200, { "content-type": "text/html" }).end("<html>Captive portal</html>"),
    );
    try {
      const run = await device.run(["doctor"], { NINSHO_URL: html.url });
      expect(run.code).toBe(8);
      expect(run.stdout).toContain(`RESPONSE_INVALID: ${catalogue("RESPONSE_INVALID", "en").message} → 1`);
    } finally {
      await html.close();
    }
    // Through it all the app kept its rights.
    expect(json<StatusJson>(await device.run(["status", "--json"])).status.valid).toBe(true);
  });

  it("another Ninsho server, which does not publish the trusted keys, is KEYS_MISMATCH; nothing is sent to it", async () => {
    const { device } = await activatedDevice(server);
    const other = await startLiveServer();
    try {
      const report = json<DoctorJson>(await device.run(["doctor", "--json"], { NINSHO_URL: other.url }));
      expect(report.online).toBe("untrusted");
      expect(finding(report, "server")).toMatchObject({
        outcome: "fail",
        code: "KEYS_MISMATCH",
        remedyNumber: 1,
      });
      expect(report.remedies[0]?.text).toContain("`ninsho device activate --repin`");
    } finally {
      await other.dispose();
    }
  });

  it("an answer whose signature does not verify is RESPONSE_SIGNATURE_INVALID, and ignored", async () => {
    const { device } = await activatedDevice(server);
    const forging = await proxy(server.url, (path, text) =>
      path === "/v1/validate"
        ? text.replace(/"serverTime":"[^"]+"/, `"serverTime":"2099-01-01T00:00:00.000Z"`)
        : text,
    );
    try {
      const run = await device.run(["doctor"], { NINSHO_URL: forging.url });
      expect(run.code).toBe(8);
      const spoofed = catalogue("RESPONSE_SIGNATURE_INVALID", "en");
      expect(run.stdout).toMatch(/^Server and TLS {9}FAIL {5}RESPONSE_SIGNATURE_INVALID: /m);
      expect(run.stdout).toContain(`  1. RESPONSE_SIGNATURE_INVALID: ${spoofed.remedy}`);
      const status = json<StatusJson>(await device.run(["status", "--json"]));
      expect(status.status).toMatchObject({ state: "active", valid: true, connection: { state: "spoofed" } });
    } finally {
      await forging.close();
    }
  });

  it("plain HTTP across a network is a warning (NO_TLS); a certificate no one trusts is TLS_FAILED", async () => {
    const { device } = await activatedDevice(server);
    const address = networkAddress();
    if (address !== undefined) {
      const open = await proxy(server.url, undefined, "0.0.0.0", address);
      try {
        const report = json<DoctorJson>(await device.run(["doctor", "--json"], { NINSHO_URL: open.url }));
        expect(report.healthy).toBe(true);
        expect(finding(report, "server")).toMatchObject({ outcome: "warn", code: "NO_TLS", remedyNumber: 1 });
      } finally {
        await open.close();
      }
    }
    if (!hasOpenssl()) return;
    const tls = await selfSignedTls();
    try {
      const run = await device.run(["doctor", "--json"], { NINSHO_URL: tls.url });
      expect(run.code).toBe(8);
      const server = finding(json<DoctorJson>(run), "server");
      expect(server).toMatchObject({ outcome: "fail", code: "TLS_FAILED" });
      expect(server.message).toMatch(
        new RegExp(`^The TLS connection to ${tls.url} failed \\(\\w*(SELF_SIGNED|CERT)\\w*\\)\\.$`),
      );
    } finally {
      await tls.close();
    }
  });

  it("after a signing-key rotation the doctor says so (KEYS_ROTATED); activate --repin trusts the new key", async () => {
    const { device, deviceId } = await activatedDevice(server);
    const rotated = await server.admin("POST", `/v1/admin/products/${server.productId}/signing-keys`, {});
    expect(rotated.status).toBe(201);
    const report = json<DoctorJson>(await device.run(["doctor", "--json"]));
    expect(finding(report, "server")).toMatchObject({
      outcome: "fail",
      code: "KEYS_ROTATED",
      remedyNumber: 1,
      ...catalogue("KEYS_ROTATED", "en", { url: server.url }),
    });
    expect(json<StatusJson>(await device.run(["status", "--json"])).status.valid).toBe(true);
    const repinned = await device.run(["activate", "--repin", "--json"]);
    expect(repinned.code).toBe(0);
    expect(json<{ status: { deviceId: string } }>(repinned).status.deviceId).toBe(deviceId);
    expect(json<DoctorJson>(await device.run(["doctor", "--json"])).healthy).toBe(true);
  });

  it("with the vendor's keys given, a rotation is VENDOR_KEYS_OUTDATED: the vendor's new keys, not a repin", async () => {
    const jwks = await (await fetch(`${server.url}/.well-known/jwks.json`)).text();
    const given = { NINSHO_PUBLIC_KEYS: jwks };
    const device = testDevice(server, "vendor-keys");
    expect((await device.run(["install-key", (await server.newLicense()).key])).code).toBe(0);
    expect((await device.run(["activate"], given)).code).toBe(0);
    const rotated = await server.admin("POST", `/v1/admin/products/${server.productId}/signing-keys`, {});
    expect(rotated.status).toBe(201);
    const report = json<DoctorJson>(await device.run(["doctor", "--json"], given));
    const text = catalogue("VENDOR_KEYS_OUTDATED", "en", { url: server.url });
    expect(finding(report, "server")).toMatchObject({
      outcome: "fail",
      code: "VENDOR_KEYS_OUTDATED",
      ...text,
    });
    expect(text.remedy).toContain("an app update ships them");
    const ja = await device.run(["doctor"], { ...given, LANG: "ja_JP.UTF-8" });
    expect(ja.stdout).toContain(
      `VENDOR_KEYS_OUTDATED: ${catalogue("VENDOR_KEYS_OUTDATED", "ja", { url: server.url }).message} → 1`,
    );
  });
});
