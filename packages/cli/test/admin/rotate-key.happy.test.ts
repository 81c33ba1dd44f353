import type { Product } from "@ninsho/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, runCli, startTestServer, type TestServer } from "./support/harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

interface Detail extends Product {
  publicKeys: { kid: string; activeFrom?: string; retiredAt?: string }[];
}

describe("ninsho products rotate-key", () => {
  it("rotates now or at an instant, in words and as JSON; the old keys stay listed with their retirement", async () => {
    const product = json<Product>(
      await runCli(["products", "create", "--name", "Rotating", "--json"], server.env),
    );
    const first = json<Detail>(await runCli(["products", "show", product.id, "--json"], server.env));
    const oldKid = first.publicKeys[0]?.kid ?? "";

    const now = await runCli(["products", "rotate-key", product.id], server.env);
    expect(now.code).toBe(0);
    expect(now.stdout).toMatch(
      /^New signing key sk_\w+, in the JWKS now, signs from .+; sk_\w+ signs nothing/m,
    );
    expect(now.stdout).toContain(oldKid);

    const at = "2099-01-01T00:00:00.000Z";
    const later = json<{ kid: string; activeFrom: string; retired: string[] }>(
      await runCli(["products", "rotate-key", product.id, "--at", at, "--json"], server.env),
    );
    expect(later.activeFrom).toBe(at);
    expect(later.retired).toHaveLength(1);
    const detail = json<Detail>(await runCli(["products", "show", product.id, "--json"], server.env));
    expect(detail.publicKeys).toHaveLength(3);
    expect(detail.publicKeys.find((k) => k.kid === oldKid)?.retiredAt).toBeDefined();
    expect(detail.publicKeys.find((k) => k.kid === later.kid)).toMatchObject({
      activeFrom: at,
      kid: later.kid,
    });
    const shown = await runCli(["products", "show", product.id], server.env);
    expect(shown.stdout).toMatch(/kid\s+x\s+Created\s+Signs from\s+Retired/);
    expect(shown.stdout).toContain("2099-01-01 00:00:00Z");
  });

  it("an unknown product is refused with exit code 3", async () => {
    const run = await runCli(["products", "rotate-key", "prd_01NOPE"], server.env);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("PRODUCT_NOT_FOUND");
  });
});
