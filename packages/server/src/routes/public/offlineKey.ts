import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { OfflineKeySchema } from "@ninsho/contract";
import { confirmationIdVersionOf } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { signBody } from "../../http/signed.js";
import { errorResponses, jsonResponse } from "../../schemas/openapi.js";

const route = createRoute({
  method: "get",
  path: "/v1/products/{id}/offline-key",
  tags: ["device"],
  summary:
    "A product's number and the public key that verifies its confirmation IDs, with its phone feature list",
  description:
    "What a vendor builds into its app for offline activation: the product number that installation IDs carry and the BLS (BN254) public key that verifies confirmation IDs. Not in the JWKS: JWK has no registered key type for BN254 points. The answer is signed with the product's signing key (as a validation answer is), so an app that ships only the product's public keys can verify the offline key it fetches instead of trusting whoever answered. Products made before offline activation get theirs on first request. A product with a phone feature list answers confirmation IDs of version 2 (18 groups: the entitlements they carry are a bitmap over that list, signed with the rest); without one, version 1 (17 groups, no entitlements), which every SDK reads.",
  request: {
    params: z.object({
      id: z
        .string()
        .regex(/^prd_[0-9A-Za-z]{1,64}$/)
        .openapi({ example: "prd_01JD3M5X9QK4Y6W8ZB2C7N0PAT" }),
    }),
  },
  responses: { 200: jsonResponse(OfflineKeySchema, "The product's offline key"), ...errorResponses(404) },
});

/**
 * @example
 * registerOfflineKey(app, deps);
 */
export function registerOfflineKey(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const product = await deps.store.products.findById(id);
    if (!product) return respondProblem(c, { code: "PRODUCT_NOT_FOUND", params: { productId: id } });
    const key = await deps.offline.keys.ensure(product.id, deps.clock().toISOString());
    c.header("cache-control", "public, max-age=300");
    // Signed, so the SDK trusts it only as far as it trusts the product's public keys the vendor shipped.
    const certified = await signBody(deps, product.id, {
      productId: product.id,
      productNumber: key.productNumber,
      scheme: "bls-bn254-g1x-tai-sha512" as const,
      publicKey: key.publicKey,
      installationIdVersion: 1 as const,
      confirmationIdVersion: confirmationIdVersionOf(product),
      phoneFeatures: [...(product.phoneFeatures ?? [])],
      createdAt: key.createdAt,
    });
    return c.json(certified, 200);
  });
}
