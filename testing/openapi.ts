/**
 * Answers checked against the committed OpenAPI document (docs/openapi.json, itself drift-checked against the
 * server's routes) by a real JSON-Schema validator, ajv (draft 2020-12, as OpenAPI 3.1 uses), with formats
 * checked and every object closed: a field the document does not name is an error, so an answer can neither
 * lose a documented field nor leak an undocumented one.
 *
 * @example
 * const res = await app.request("/healthz");
 * expect(documentedMismatches("GET", "/healthz", res.status, await res.json())).toEqual([]);
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isRecord } from "@ninsho/core";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

type Json = Record<string, unknown>;

interface Operation {
  readonly responses: Record<string, { readonly content?: Record<string, { readonly schema?: Json }> }>;
}

/**
 * The parts of an OpenAPI document the checks read.
 *
 * @example
 * const doc = JSON.parse(readFileSync("docs/openapi.json", "utf8")) as OpenApiDocument;
 */
export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly schemas: Record<string, Json> };
}

const documentPath = fileURLToPath(new URL("../docs/openapi.json", import.meta.url));
const doc = JSON.parse(readFileSync(documentPath, "utf8")) as OpenApiDocument;

/**
 * The schema with every object that lists its properties closed (`additionalProperties: false`) unless it says
 * otherwise. Combinators are closed member by member, which is right here: the document inlines extended
 * objects, so no `allOf` has to see another member's fields.
 */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!isRecord(schema)) return schema;
  const copy: Json = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closed(value)]));
  if (copy.type === "object" && isRecord(copy.properties) && !("additionalProperties" in copy)) {
    copy.additionalProperties = false;
  }
  return copy;
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
for (const [name, schema] of Object.entries(doc.components.schemas)) {
  ajv.addSchema(closed(schema) as Json, `#/components/schemas/${name}`);
}

/** The routes of the document as patterns: `/v1/admin/licenses/{id}` matches `/v1/admin/licenses/lic_01…`. */
const routes = Object.keys(doc.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`),
  // A literal segment wins over a parameter (`/licenses/lookup` over `/licenses/{id}`).
  literal: template.replace(/\{[^}]+\}/g, "").length,
}));

/**
 * The documented route a concrete request path falls under, or `undefined` when the document has none.
 *
 * @example
 * documentedRoute("/v1/admin/licenses/lic_01J?x=1"); // "/v1/admin/licenses/{id}"
 */
export function documentedRoute(path: string): string | undefined {
  const bare = path.split("?")[0] ?? path;
  return routes.filter((route) => route.pattern.test(bare)).sort((a, b) => b.literal - a.literal)[0]
    ?.template;
}

const validators = new Map<string, ValidateFunction>();

function validatorFor(method: string, template: string, status: number): ValidateFunction | undefined {
  const responses = doc.paths[template]?.[method.toLowerCase()]?.responses;
  const key = responses?.[String(status)] ? String(status) : "default";
  const schema = responses?.[key]?.content?.["application/json"]?.schema;
  if (schema === undefined) return undefined;
  const id = `${method} ${template} ${key}`;
  let validate = validators.get(id);
  if (!validate) {
    validate = ajv.compile(closed(schema) as Json);
    validators.set(id, validate);
  }
  return validate;
}

/**
 * Where a JSON answer disagrees with the schema the document gives its route and status (its `default` for an
 * undocumented status): `[]` when it matches; a line naming the route when the document has no JSON schema for
 * it at all.
 *
 * @example
 * expect(documentedMismatches("POST", "/v1/validate", 200, body)).toEqual([]);
 */
export function documentedMismatches(method: string, path: string, status: number, body: unknown): string[] {
  const template = documentedRoute(path);
  if (template === undefined) return [`${method} ${path}: not in the document`];
  const validate = validatorFor(method, template, status);
  if (!validate) return [`${method} ${template} ${status}: no JSON schema in the document`];
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => {
    const extra =
      isRecord(e.params) && "additionalProperty" in e.params ? ` (${e.params.additionalProperty})` : "";
    return `${method} ${template} ${status} ${e.instancePath || "$"}: ${e.message ?? "invalid"}${extra}`;
  });
}

/**
 * Whether the document describes a JSON answer for this method and path (any status).
 *
 * @example
 * if (isDocumented("GET", "/healthz")) check(answer);
 */
export function isDocumented(method: string, path: string): boolean {
  const template = documentedRoute(path);
  return template !== undefined && doc.paths[template]?.[method.toLowerCase()] !== undefined;
}
