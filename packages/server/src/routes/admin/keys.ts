import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { IssuedLicensesSchema, IssueRequestSchema, KeyBatchRequestSchema } from "@ninsho/contract";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { respondProblem } from "../../http/respond.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { type IssuedKey, issueLicenses } from "../../services/admin/issueKeys.js";
import { adminLicenseView, adminRoute, tokenActor } from "./shared.js";

const csvLine = ({ license, key }: IssuedKey) =>
  `${license.id},${key},${license.policyId},${license.createdAt}\n`;

export function registerKeys(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const issue = adminRoute(deps, "admin", {
    method: "post",
    path: "/v1/admin/licenses",
    summary: "Issue up to 1,000 licenses and show their keys once",
    request: {
      body: jsonBody(IssueRequestSchema, "Policy and count"),
    },
    responses: {
      201: jsonResponse(IssuedLicensesSchema, "Issued"),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  });
  app.openapi(issue, async (c) => {
    const body = c.req.valid("json");
    const policy = await deps.policies.get(body.policyId);
    if (!policy) return respondProblem(c, { code: "POLICY_NOT_FOUND", params: { policyId: body.policyId } });
    if (policy.archivedAt !== undefined)
      return respondProblem(c, { code: "POLICY_ARCHIVED", params: { policyId: policy.id } });
    const now = deps.clock();
    const licenses: (ReturnType<typeof adminLicenseView> & { key: string })[] = [];
    const request = {
      policy,
      count: body.count,
      actor: tokenActor(c.get("principal").tokenId),
      ...(body.ownerEmail === undefined ? {} : { ownerEmail: body.ownerEmail }),
    };
    for await (const batch of issueLicenses(deps, request)) {
      for (const { license, key } of batch) licenses.push({ ...adminLicenseView(license, now), key });
    }
    return c.json({ licenses }, 201);
  });

  const batch = adminRoute(deps, "admin", {
    method: "post",
    path: "/v1/admin/key-batches",
    summary: "Issue any number of keys, streamed as CSV (license_id,key,policy_id,created_at)",
    description:
      "Keys are committed in batches of 5,000 before they are streamed, so every line received is a stored license. The clear keys exist only in this stream; store the CSV safely.",
    request: {
      body: jsonBody(KeyBatchRequestSchema, "Policy and count"),
    },
    responses: {
      200: {
        description: "CSV, one issued key per line after a header",
        content: { "text/csv": { schema: z.string() } },
      },
      ...errorResponses(400, 401, 403, 404, 409),
    },
  });
  app.openapi(batch, async (c) => {
    const body = c.req.valid("json");
    const policy = await deps.policies.get(body.policyId);
    if (!policy) return respondProblem(c, { code: "POLICY_NOT_FOUND", params: { policyId: body.policyId } });
    if (policy.archivedAt !== undefined)
      return respondProblem(c, { code: "POLICY_ARCHIVED", params: { policyId: policy.id } });
    const batches = issueLicenses(deps, {
      policy,
      count: body.count,
      actor: tokenActor(c.get("principal").tokenId),
      ...(body.ownerEmail === undefined ? {} : { ownerEmail: body.ownerEmail }),
    });
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(encoder.encode("license_id,key,policy_id,created_at\n")),
      pull: async (controller) => {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map(csvLine).join("")));
      },
      cancel: async () => {
        await batches.return(undefined);
      },
    });
    return c.body(stream, 200, {
      "content-type": "text/csv; charset=utf-8",
      "x-ninsho-key-count": String(body.count),
    });
  });
}
