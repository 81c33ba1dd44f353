/**
 * The vendor's side of the on-premises relay: a volume grant issued for a relay's key (signed by the product's
 * key, in the timeline), and the relay's usage report imported into the license's timeline for true-up, once.
 */
import { verifyVolumeGrant } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { useServers } from "../support/server.js";
import { grantFor, relayKeyPair, reportFile } from "./support.js";

describe("volume grants and usage reports", () => {
  const servers = useServers();

  it("issues a grant signed by the product's key that certifies the relay's key", async () => {
    const t = await servers.start();
    const relay = relayKeyPair();
    const { c, res, grant } = await grantFor(t, relay.publicKey, { renewDays: 7, offlineDays: 30 });
    const checked = verifyVolumeGrant(grant, await t.publicKeys(), c.productId);
    if (!checked.ok) throw new Error(checked.error.code);
    expect(checked.value).toMatchObject({ lic: c.licenseId, max: 50, rnw: 7 * 86_400, off: 30 * 86_400 });
    expect(checked.value.rky.x).toBe(relay.publicKey.x);
    expect(res.body).toMatchObject({
      grantId: checked.value.jti,
      maxDevices: 50,
      customer: "Hokuriku Plant 4",
    });
    const events = await t.timeline(c.licenseId);
    expect(events.at(-1)).toMatchObject({ type: "relay.grant_issued", data: { grantId: checked.value.jti } });
  });

  it("issues a smaller or larger grant when the vendor says so", async () => {
    const t = await servers.start();
    const { res } = await grantFor(t, relayKeyPair().publicKey, { maxDevices: 500 });
    expect(res.body).toMatchObject({ maxDevices: 500 });
  });

  it("imports a relay's signed usage report into the license's timeline, once", async () => {
    const t = await servers.start();
    const relay = relayKeyPair();
    const { c, grant } = await grantFor(t, relay.publicKey);
    const claims = verifyVolumeGrant(grant, await t.publicKeys());
    if (!claims.ok) throw new Error(claims.error.code);
    const file = reportFile(relay.signing, grant, claims.value);
    const imported = await t.adminPost("/v1/admin/usage-reports", { reportFile: file });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({
      admitted: 48,
      maxDevices: 50,
      peak: 47,
      refused: 6,
      imported: true,
    });
    const again = await t.adminPost("/v1/admin/usage-reports", { reportFile: file });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ imported: false });
    const reported = (await t.timeline(c.licenseId)).filter((e) => e.type === "relay.usage_reported");
    expect(reported).toHaveLength(1);
    expect(reported[0]?.data).toMatchObject({ grantId: claims.value.jti, admitted: 48, renewals: 200 });
  });
});
