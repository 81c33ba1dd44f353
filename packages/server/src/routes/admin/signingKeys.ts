import type { OpenAPIHono } from "@hono/zod-openapi";
import { RotationRequestSchema, SigningKeyRotationSchema } from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, IdParam, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { rotateSigningKey } from "../../services/admin/rotateKey.js";
import { adminRoute, tokenActor } from "./shared.js";

/** `POST /v1/admin/products/{id}/signing-keys`: rotate a product's signing key, now or at an instant. */
export function registerSigningKeys(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const rotate = adminRoute(deps, "admin", {
    method: "post",
    path: "/v1/admin/products/{id}/signing-keys",
    summary: "Rotate a product's signing key",
    description:
      "Makes a new signing key, published in /.well-known/jwks.json at once. It signs from `activatesAt` (default now), when the product's other keys retire; retired keys still verify what they signed. Schedule ahead so apps that ship the JWKS can be updated first.",
    request: {
      params: IdParam("prd"),
      body: jsonBody(
        RotationRequestSchema,
        "When the new key takes over (an instant already past means now)",
      ),
    },
    responses: {
      201: jsonResponse(SigningKeyRotationSchema, "Rotated"),
      ...errorResponses(400, 401, 403, 404),
    },
  });
  app.openapi(rotate, async (c) => {
    const { id } = c.req.valid("param");
    const { activatesAt } = c.req.valid("json");
    const done = await rotateSigningKey(deps, id, activatesAt, tokenActor(c.get("principal").tokenId));
    if (!done.ok) return respondProblem(c, done.error);
    return c.json({ ...done.value, retired: [...done.value.retired] }, 201);
  });
}
