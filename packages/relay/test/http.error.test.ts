/**
 * Bad input to the relay's routes gets a code from the one catalogue with its HTTP status, worded in Japanese
 * when asked; never a 5xx.
 */
import { signRelayLease } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { activationBody, aMachine, aRelay, newVendor, postJson, renewalBody } from "./support/relay.js";

const JA = { "accept-language": "ja-JP,ja;q=0.9" };

async function send(
  app: { request(path: string, init: RequestInit): Response | Promise<Response> },
  path: string,
  body: string,
  headers: Record<string, string> = {},
) {
  const res = await app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  return {
    status: res.status,
    body: (await res.json()) as { error: { code: string; message: string; remedy: string } },
  };
}

describe("the relay's answers to bad input", () => {
  it("names malformed JSON, a body of the wrong shape and an unknown route", async () => {
    const relay = aRelay(newVendor());
    const { app } = relay.open();
    expect(await send(app, "/v1/activations", "{")).toMatchObject({
      status: 400,
      body: { error: { code: "BODY_MALFORMED" } },
    });
    const shape = await send(app, "/v1/activations", JSON.stringify({ device: {} }));
    expect(shape).toMatchObject({ status: 400, body: { error: { code: "VALIDATION_FAILED" } } });
    expect(shape.body.error.message).toContain("fingerprint");
    expect(await send(app, "/v1/nothing", "{}")).toMatchObject({
      status: 404,
      body: { error: { code: "ROUTE_NOT_FOUND" } },
    });
    const large = await send(app, "/v1/activations", JSON.stringify({ pad: "x".repeat(70_000) }));
    expect(large).toMatchObject({ status: 413, body: { error: { code: "BODY_TOO_LARGE" } } });
  });

  it("refuses an activation whose proof was not made with the secret it registers", async () => {
    const relay = aRelay(newVendor());
    const { app } = relay.open();
    const body = activationBody(aMachine("A"), relay.clock.read());
    const other = aMachine("B");
    const forged = { ...body, deviceSecret: activationBody(other, relay.clock.read()).deviceSecret };
    const answer = await postJson(app, "/v1/activations", forged);
    expect(answer.status).toBe(401);
    expect(answer.body.error?.code).toBe("DEVICE_PROOF_INVALID");
  });

  it("refuses a renewal with a lease the relay did not sign, or by a device without its secret", async () => {
    const relay = aRelay(newVendor());
    const { app, ctx } = relay.open();
    const machine = aMachine("A");
    const admitted = await postJson(app, "/v1/activations", activationBody(machine, relay.clock.read()));
    const lease = String(admitted.body.lease);
    const [header, , signature] = lease.split(".");
    const claims = JSON.parse(Buffer.from(lease.split(".")[1] ?? "", "base64url").toString());
    const stretched = `${header}.${Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 1e6 })).toString("base64url")}.${signature}`;
    const altered = await postJson(app, "/v1/renewals", renewalBody(machine, stretched, relay.clock.read()));
    expect(altered).toMatchObject({ status: 401, body: { error: { code: "LEASE_INVALID" } } });
    // A lease signed by another relay key under this grant's name.
    const stranger = aRelay(newVendor()).open().ctx;
    const foreign = signRelayLease(stranger.keys.signing, { ...claims, gid: ctx.grant.jti });
    const refused = await postJson(app, "/v1/renewals", renewalBody(machine, foreign, relay.clock.read()));
    expect(refused.body.error?.code).toBe("LEASE_INVALID");
    const thief = aMachine("copy");
    const stolen = await postJson(app, "/v1/renewals", renewalBody(thief, lease, relay.clock.read()));
    expect(stolen).toMatchObject({ status: 401, body: { error: { code: "DEVICE_PROOF_INVALID" } } });
  });

  it("words the relay's refusals in Japanese when asked", async () => {
    const relay = aRelay(newVendor(), { max: 1 });
    const { app } = relay.open();
    await postJson(app, "/v1/activations", activationBody(aMachine("A"), relay.clock.read()));
    const full = await send(
      app,
      "/v1/activations",
      JSON.stringify(activationBody(aMachine("B"), relay.clock.read())),
      JA,
    );
    expect(full.status).toBe(409);
    expect(full.body.error).toMatchObject({
      code: "RELAY_GRANT_FULL",
      message: expect.stringContaining("受け入れ済み"),
    });
    relay.clock.now -= 86_400_000;
    const rolledBack = await send(
      app,
      "/v1/activations",
      JSON.stringify(activationBody(aMachine("C"), relay.clock.read())),
      JA,
    );
    expect(rolledBack.body.error).toMatchObject({
      code: "RELAY_CLOCK_ROLLBACK",
      remedy: expect.stringContaining("時計"),
    });
  });
});
