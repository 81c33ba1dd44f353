import type { OpenAPIHono } from "@hono/zod-openapi";
import { ProductDetailSchema, ProductInputSchema, ProductListSchema, ProductSchema } from "@ninsho/contract";
import { fingerprintSaltFor } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, IdParam, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { createProduct } from "../../services/admin/catalog.js";
import { adminRoute } from "./shared.js";

export function registerProducts(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const create = adminRoute(deps, "admin", {
    method: "post",
    path: "/v1/admin/products",
    summary: "Create a product with its own Ed25519 signing key",
    request: {
      body: jsonBody(ProductInputSchema, "The product's name"),
    },
    responses: { 201: jsonResponse(ProductSchema, "Created"), ...errorResponses(400, 401, 403) },
  });
  app.openapi(create, async (c) => {
    const created = await createProduct(deps, c.req.valid("json"));
    return created.ok ? c.json(created.value, 201) : respondProblem(c, created.error);
  });

  const list = adminRoute(deps, "readonly", {
    method: "get",
    path: "/v1/admin/products",
    summary: "List products",
    responses: {
      200: jsonResponse(ProductListSchema, "Products"),
      ...errorResponses(401),
    },
  });
  app.openapi(list, async (c) => c.json({ products: await deps.store.products.list() }, 200));

  const get = adminRoute(deps, "readonly", {
    method: "get",
    path: "/v1/admin/products/{id}",
    summary: "A product and its public keys",
    request: { params: IdParam("prd") },
    responses: { 200: jsonResponse(ProductDetailSchema, "The product"), ...errorResponses(401, 404) },
  });
  app.openapi(get, async (c) => {
    const { id } = c.req.valid("param");
    const product = await deps.store.products.findById(id);
    if (!product) return respondProblem(c, { code: "PRODUCT_NOT_FOUND", params: { productId: id } });
    const keys = await deps.store.products.listSigningKeys(id);
    const publicKeys = keys.map((k) => ({
      kid: k.kid,
      x: k.publicJwk.x,
      createdAt: k.createdAt,
      ...(k.activeFrom === undefined ? {} : { activeFrom: k.activeFrom }),
      ...(k.retiredAt === undefined ? {} : { retiredAt: k.retiredAt }),
    }));
    const offline = await deps.offline.keys.ensure(product.id, deps.clock().toISOString());
    const salt =
      c.get("principal").role === "admin"
        ? { fingerprintSalt: fingerprintSaltFor(deps.secrets.componentDigests, product.id) }
        : {};
    return c.json(
      {
        ...product,
        ...salt,
        publicKeys,
        offline: {
          productNumber: offline.productNumber,
          publicKey: offline.publicKey,
          phoneFeatures: [...(product.phoneFeatures ?? [])],
        },
      },
      200,
    );
  });
}
