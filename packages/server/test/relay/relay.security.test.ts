/**
 * Attacker: the customer, who owes a true-up for devices beyond the grant and edits the usage report before it
 * travels back (fewer devices, fewer refusals), signs one with a key of their own, or makes a grant of their
 * own for it. Each is USAGE_REPORT_INVALID and nothing enters the timeline.
 */
import {
  generateSigningKeyPair,
  privateKeyFromPem,
  type SigningKey,
  signVolumeGrant,
  verifyVolumeGrant,
} from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { errorOf } from "../support/http.js";
import { useServers } from "../support/server.js";
import { grantFor, relayKeyPair, reportFile } from "./support.js";

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("a usage report the vendor cannot trust is refused", () => {
  const servers = useServers();

  async function setUp() {
    const t = await servers.start();
    const relay = relayKeyPair();
    const { c, grant } = await grantFor(t, relay.publicKey);
    const claims = verifyVolumeGrant(grant, await t.publicKeys());
    if (!claims.ok) throw new Error(claims.error.code);
    const importing = async (file: string) => {
      const res = await t.adminPost("/v1/admin/usage-reports", { reportFile: file });
      expect(res.status).toBe(400);
      const events = await t.timeline(c.licenseId);
      expect(events.some((e) => e.type === "relay.usage_reported")).toBe(false);
      return errorOf(res);
    };
    return { t, relay, grant, claims: claims.value, importing };
  }

  it("refuses a report whose figures were lowered after the relay signed it", async () => {
    const { relay, grant, claims, importing } = await setUp();
    const file = JSON.parse(reportFile(relay.signing, grant, claims)) as { report: string };
    const [header, body, signature] = file.report.split(".");
    const lowered = { ...JSON.parse(Buffer.from(body ?? "", "base64url").toString()), adm: 20, ref: 0 };
    const edited = JSON.stringify({ ...file, report: `${header}.${b64(lowered)}.${signature}` });
    expect(await importing(edited)).toMatchObject({
      code: "USAGE_REPORT_INVALID",
      message: expect.stringMatching(/altered/),
    });
  });

  it("refuses a report signed by a relay key the grant does not certify", async () => {
    const { grant, claims, importing } = await setUp();
    const stranger = relayKeyPair();
    expect((await importing(reportFile(stranger.signing, grant, claims))).code).toBe("USAGE_REPORT_INVALID");
  });

  it("refuses a report under a grant the customer signed with a key of their own (the vendor key's kid)", async () => {
    const { relay, grant, claims, importing } = await setUp();
    const kid = JSON.parse(Buffer.from(grant.split(".")[0] ?? "", "base64url").toString()).kid as string;
    const { privatePem } = generateSigningKeyPair(kid);
    const forger: SigningKey = { kid, privateKey: privateKeyFromPem(privatePem) };
    const forged = signVolumeGrant(forger, { ...claims, max: 5000 });
    expect((await importing(reportFile(relay.signing, forged, { ...claims, max: 5000 }))).code).toBe(
      "USAGE_REPORT_INVALID",
    );
  });

  it("refuses a text that is no report", async () => {
    const { importing } = await setUp();
    expect((await importing("not json")).code).toBe("USAGE_REPORT_INVALID");
    expect((await importing(JSON.stringify({ format: "ninsho-usage-report/1" }))).code).toBe(
      "USAGE_REPORT_INVALID",
    );
  });
});
