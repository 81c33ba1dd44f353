import { createOfflineRequest, type OfflineRequest, serializeOfflineRequest } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { DAY } from "../support/clock.js";
import { type Fingerprint, machine } from "../support/fingerprints.js";
import { type Answer, errorOf, post } from "../support/http.js";
import { type TestServer, useServers } from "../support/server.js";
import { canonicalKey } from "./support.js";

interface LicenseFileBody {
  readonly licenseFile: string;
  readonly sealed: boolean;
  readonly fileName: string;
  readonly leaseExpiresAt: string;
  readonly graceEndsAt: string;
  readonly device: { id: string; name: string };
  readonly replayed: boolean;
  readonly decision?: { outcome: string };
}

const requestOf = (
  t: TestServer,
  productId: string,
  key: string,
  fingerprint: Fingerprint,
  extra: Partial<Parameters<typeof createOfflineRequest>[0]> = {},
): OfflineRequest =>
  createOfflineRequest({
    key: canonicalKey(key),
    productId,
    device: { name: "Press 7", platform: "linux" },
    fingerprint,
    at: t.clock.now(),
    ...extra,
  });

const send = (
  t: TestServer,
  requestFile: string,
  extra: Record<string, unknown> = {},
): Promise<Answer<LicenseFileBody>> =>
  post<LicenseFileBody>(t.app, "/v1/offline/license-files", { requestFile, ...extra });

describe("USB activation: POST /v1/offline/license-files", () => {
  const servers = useServers();

  it("refuses an edited, malformed, foreign or old request file, naming the field", async () => {
    const t = await servers.start();
    const c = await t.catalogue();
    const request = requestOf(t, c.productId, c.key, machine("a"));
    const edited = { ...request, device: { ...request.device, name: "Press 8" } };
    const cases: [string, string, number, string][] = [
      ["edited", JSON.stringify(edited), 400, "proof"],
      ["not JSON", "{ not json", 400, "(file)"],
      ["an unknown field", JSON.stringify({ ...request, key: c.key }), 400, "key"],
      [
        "a bad digest",
        JSON.stringify({
          ...request,
          fingerprint: { collector: "x/1", components: [{ kind: "disk", digest: "serial-123" }] },
        }),
        400,
        "fingerprint.components.0.digest",
      ],
      [
        "another product",
        serializeOfflineRequest(requestOf(t, "prd_0OTHER", c.key, machine("a"))),
        400,
        "productId",
      ],
    ];
    for (const [, text, status, field] of cases) {
      const res = await send(t, text);
      expect(res.status).toBe(status);
      expect(errorOf(res)).toMatchObject({
        code: "OFFLINE_FILE_INVALID",
        details: expect.objectContaining({ field }),
      });
    }
    const old = requestOf(t, c.productId, c.key, machine("a"), {
      at: new Date(t.clock.now().getTime() - 9 * DAY),
    });
    const expired = await send(t, serializeOfflineRequest(old));
    expect(expired.status).toBe(410);
    expect(errorOf(expired).code).toBe("OFFLINE_REQUEST_EXPIRED");
  });
});
