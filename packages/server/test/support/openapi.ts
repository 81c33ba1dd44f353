/**
 * Just enough of JSON Schema (as OpenAPI 3.1 uses it) to check that a real answer has the shape the document
 * describes: `$ref`, object properties and `required`, arrays, primitive types, `enum`/`const`, `oneOf`/`anyOf`.
 * Returns the places where the answer and the document disagree.
 */
type Schema = Record<string, unknown>;

export interface OpenApiDocument {
  readonly paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  readonly components: { readonly schemas: Record<string, Schema> };
}

const typeOf = (value: unknown): string => {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
};

export function mismatches(doc: OpenApiDocument, schema: Schema, value: unknown, at = "$"): string[] {
  const ref = schema.$ref;
  if (typeof ref === "string") {
    const target = doc.components.schemas[ref.replace("#/components/schemas/", "")];
    if (!target) return [`${at}: unknown $ref ${ref}`];
    return mismatches(doc, target, value, at);
  }
  for (const combinator of ["oneOf", "anyOf"] as const) {
    const options = schema[combinator];
    if (Array.isArray(options)) {
      const fits = options.some((option) => mismatches(doc, option as Schema, value, at).length === 0);
      return fits ? [] : [`${at}: fits none of ${combinator}`];
    }
  }
  const problems: string[] = [];
  if ("const" in schema && schema.const !== value)
    problems.push(`${at}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    problems.push(`${at}: ${JSON.stringify(value)} not in enum`);
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  const actual = typeOf(value);
  if (types.length > 0 && !types.includes(actual) && !(actual === "integer" && types.includes("number"))) {
    return [...problems, `${at}: expected ${types.join("|")}, got ${actual}`];
  }
  if (actual === "object" && value !== null) {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[]) {
      if (!(name in object)) problems.push(`${at}.${name}: required but missing`);
    }
    for (const [name, child] of Object.entries(object)) {
      const property = properties[name];
      if (property) problems.push(...mismatches(doc, property, child, `${at}.${name}`));
      else if (schema.properties !== undefined && schema.additionalProperties === undefined) {
        problems.push(`${at}.${name}: not in the document`);
      } else if (typeof schema.additionalProperties === "object") {
        problems.push(...mismatches(doc, schema.additionalProperties as Schema, child, `${at}.${name}`));
      }
    }
  }
  if (actual === "array" && typeof schema.items === "object") {
    (value as unknown[]).forEach((item, i) => {
      problems.push(...mismatches(doc, schema.items as Schema, item, `${at}[${i}]`));
    });
  }
  return problems;
}

/** The documented schema of an operation's answer with `status` (or its `default`). */
export function responseSchema(
  doc: OpenApiDocument,
  method: string,
  path: string,
  status: number,
): Schema | undefined {
  const responses = doc.paths[path]?.[method.toLowerCase()]?.responses;
  const response = responses?.[String(status)] ?? responses?.default;
  return response?.content?.["application/json"]?.schema;
}
