/**
 * Requests generated from the OpenAPI document itself, so a route added to the server is fuzzed without anyone
 * remembering to: every operation of `paths`, its path and query parameters and its JSON body, each value drawn
 * near what the schema asks (the real ids, keys, leases and files of a seeded server, boundary numbers, dates
 * far outside any range a field supports) and sometimes far from it (any JSON at all, a wrong type, an extra
 * field). Drawn near enough, a request gets past validation into the services, which is where a 500 hides.
 */
import fc from "fast-check";

type Schema = Record<string, unknown>;

export interface FuzzDocument {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly schemas: Record<string, Schema> };
}

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly schema?: Schema;
}

interface Operation {
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: Schema }> };
}

/** One operation of the document: its method, its path template and what it takes. */
export interface FuzzRoute {
  readonly method: string;
  readonly path: string;
  readonly operation: Operation;
}

/** A generated request: a concrete path with its query, and a raw body (or none). */
export interface FuzzRequest {
  readonly method: string;
  readonly url: string;
  readonly body?: string;
}

/** Real values of a seeded server, by field name: a drawn field sometimes takes one so the request goes deep. */
export type KnownValues = Readonly<Record<string, readonly string[]>>;

const METHODS = new Set(["get", "post", "put", "patch", "delete"]);

/**
 * Every operation the document lists.
 * @example
 * routesOf(doc).length; // 36
 */
export const routesOf = (doc: FuzzDocument): FuzzRoute[] =>
  Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );

/** Instants far outside what any field supports, and the edges of the offline day range. */
const oddInstants = [
  "+275760-09-13T00:00:00.000Z",
  "-271821-04-20T00:00:00.000Z",
  "0000-01-01T00:00:00Z",
  "1970-01-01T00:00:00Z",
  "2023-12-31T23:59:59.999Z",
  "2203-06-07T00:00:00Z",
  "9999-12-31T23:59:59.999Z",
  "2026-02-30T00:00:00Z",
  "2026-03-01T09:00:00+09:00",
];

const instant = fc.oneof(
  fc.constantFrom(...oddInstants),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc
    .date({ min: new Date("0000-01-01"), max: new Date("9999-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc
    .date({ min: new Date("2024-01-01"), max: new Date("2030-01-01"), noInvalidDate: true })
    .map((d) => d.toISOString()),
);

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\ud800",
    "../../etc/passwd",
    "%00",
    "null",
    "0",
    "-1",
    "1e999",
    "x".repeat(300),
  ),
);

/** Integer candidates: the schema's edges and just past them, never a valid huge count (that is a bench). */
function integer(schema: Schema): fc.Arbitrary<number> {
  const min = typeof schema.minimum === "number" ? Math.ceil(schema.minimum) : -1;
  const max = typeof schema.maximum === "number" ? Math.floor(schema.maximum) : 2 ** 31;
  const small = Math.max(min, Math.min(max, min + 3));
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min, max: small }) },
    { weight: 1, arbitrary: fc.constantFrom(min - 1, max + 1, 0, -1, 2 ** 53, -(2 ** 53), 1.5, 1e308) },
  );
}

/** Number candidates: inside the schema's range, its edges and just past them. */
function number(schema: Schema): fc.Arbitrary<number> {
  const min = typeof schema.minimum === "number" ? schema.minimum : -1e9;
  const max = typeof schema.maximum === "number" ? schema.maximum : 1e9;
  return fc.oneof(
    { weight: 4, arbitrary: fc.double({ min, max, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(min - 1e-9, max + 1e-9, 0, -0, 1e308, -1e308, 5e-324) },
  );
}

function stringFor(schema: Schema, name: string, known: KnownValues): fc.Arbitrary<string> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as string[]));
  const options: fc.Arbitrary<string>[] = [hostileString];
  const real = known[name];
  if (real !== undefined && real.length > 0) options.push(fc.constantFrom(...real), mutatedJson(real));
  if (schema.format === "date-time" || /At$/.test(name)) options.push(instant);
  if (typeof schema.pattern === "string") {
    try {
      options.push(fc.stringMatching(new RegExp(schema.pattern)).map((s) => s.slice(0, 300)));
    } catch {
      // A pattern JavaScript cannot compile is drawn as any string.
    }
  }
  if (typeof schema.format === "string" && schema.format === "email")
    options.push(fc.emailAddress(), fc.constantFrom("a@b", "@", "x@y.z"));
  return fc.oneof(...options);
}

/**
 * A known value that is JSON text (a request file), with one field replaced: the proof then fails, but the
 * parser and every check before the proof see a value they may never have met.
 */
function mutatedJson(real: readonly string[]): fc.Arbitrary<string> {
  const texts = real.filter((text) => text.trimStart().startsWith("{"));
  if (texts.length === 0) return fc.constantFrom(...real);
  const anyField = fc.tuple(
    fc.constantFrom(...texts),
    fc.nat(),
    fc.oneof(hostileString, fc.jsonValue({ maxDepth: 2 })),
  );
  const replaced = anyField.map(([text, pick, value]) => {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const fields = Object.keys(parsed);
    return JSON.stringify({ ...parsed, [fields[pick % fields.length] ?? "x"]: value });
  });
  // An instant field (createdAt) redated: the range checks behind a parser are where a throw hides.
  const redated = fc.tuple(fc.constantFrom(...texts), instant).map(([text, at]) => {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    for (const [field, value] of Object.entries(parsed))
      if (typeof value === "string" && ISO_INSTANT.test(value)) parsed[field] = at;
    return JSON.stringify(parsed);
  });
  return fc.oneof(replaced, redated);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T/;

/**
 * An arbitrary for a value near `schema`: mostly of its shape, now and then anything at all.
 * @example
 * fc.sample(arbitraryFor(doc, schema, "", {}), 3);
 */
export function arbitraryFor(
  doc: FuzzDocument,
  schema: Schema,
  name: string,
  known: KnownValues,
  depth = 0,
): fc.Arbitrary<unknown> {
  const near = shaped(doc, schema, name, known, depth);
  return fc.oneof(
    { weight: 12, arbitrary: near },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.constantFrom(null, "", 0, true, [], {}) },
  );
}

function shaped(
  doc: FuzzDocument,
  schema: Schema,
  name: string,
  known: KnownValues,
  depth: number,
): fc.Arbitrary<unknown> {
  const ref = schema.$ref;
  if (typeof ref === "string") {
    const target = doc.components.schemas[ref.replace("#/components/schemas/", "")];
    return target === undefined ? fc.jsonValue() : shaped(doc, target, name, known, depth);
  }
  for (const combinator of ["oneOf", "anyOf", "allOf"] as const) {
    const options = schema[combinator];
    if (Array.isArray(options) && options.length > 0)
      return fc.oneof(...options.map((option) => shaped(doc, option as Schema, name, known, depth)));
  }
  if ("const" in schema) return fc.constant(schema.const);
  if (depth > 5) return fc.jsonValue({ maxDepth: 1 });
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      return stringFor(schema, name, known);
    case "integer":
      return integer(schema);
    case "number":
      return number(schema);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const items = (schema.items ?? {}) as Schema;
      const maxLength = Math.min(typeof schema.maxItems === "number" ? schema.maxItems + 1 : 6, 8);
      return fc.array(arbitraryFor(doc, items, name, known, depth + 1), { maxLength });
    }
    default:
      return objectFor(doc, schema, known, depth);
  }
}

function objectFor(
  doc: FuzzDocument,
  schema: Schema,
  known: KnownValues,
  depth: number,
): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const names = Object.keys(properties);
  if (names.length === 0)
    return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
  const model = Object.fromEntries(
    names.map((n) => [n, arbitraryFor(doc, properties[n] ?? {}, n, known, depth + 1)]),
  );
  const optional = names.filter((n) => !required.has(n));
  return fc
    .tuple(
      fc.record(model, { requiredKeys: [...required].filter((n) => n in model) }),
      fc.subarray(optional),
      fc.option(
        fc.tuple(
          fc.constantFrom("extra", "__proto__", "constructor", "admin"),
          fc.jsonValue({ maxDepth: 1 }),
        ),
        { freq: 8 },
      ),
    )
    .map(([record, dropped, extra]) => {
      const value: Record<string, unknown> = { ...record };
      for (const n of dropped) delete value[n];
      if (extra !== null) Object.defineProperty(value, extra[0], { value: extra[1], enumerable: true });
      return value;
    });
}

/** A path parameter: a real id of the seeded server, or something no router should choke on. */
const pathValue = (known: KnownValues): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...(known.id ?? ["x"])) },
    {
      weight: 2,
      arbitrary: hostileString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/gu, "\ufffd"))),
    },
    { weight: 1, arbitrary: fc.constantFrom("%", "%zz", "%2F", "..", "%00", "a".repeat(2000)) },
  );

/**
 * Requests for one route: its path filled, a query drawn from its parameters, a body near its schema (or raw
 * text that is not JSON at all).
 * @example
 * fc.sample(requestsFor(doc, route, known), 1)[0]?.url;
 */
export function requestsFor(
  doc: FuzzDocument,
  route: FuzzRoute,
  known: KnownValues,
): fc.Arbitrary<FuzzRequest> {
  const parameters = route.operation.parameters ?? [];
  const pathNames = parameters.filter((p) => p.in === "path").map((p) => p.name);
  const queryModel = Object.fromEntries(
    parameters
      .filter((p) => p.in === "query")
      .map((p) => [
        p.name,
        arbitraryFor(doc, p.schema ?? { type: "string" }, p.name, known).map((v) =>
          typeof v === "string" ? v : (JSON.stringify(v) ?? ""),
        ),
      ]),
  );
  const bodySchema = route.operation.requestBody?.content?.["application/json"]?.schema;
  const body: fc.Arbitrary<string | undefined> =
    bodySchema === undefined
      ? fc.constant(undefined)
      : fc.oneof(
          {
            weight: 10,
            arbitrary: arbitraryFor(doc, bodySchema, "", known).map((v) => JSON.stringify(v) ?? "null"),
          },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              "{",
              "",
              "[]",
              "\u0000",
              '{"a":1,"a":2}',
              `${"[".repeat(5000)}${"]".repeat(5000)}`,
            ),
          },
        );
  return fc
    .tuple(
      fc.array(pathValue(known), { minLength: pathNames.length, maxLength: pathNames.length }),
      fc.record(queryModel, { requiredKeys: [] }),
      body,
    )
    .map(([values, query, raw]) => {
      let path = route.path;
      pathNames.forEach((name, i) => {
        path = path.replace(`{${name}}`, values[i] ?? "x");
      });
      const search = new URLSearchParams(query as Record<string, string>).toString();
      return {
        method: route.method,
        url: search === "" ? path : `${path}?${search}`,
        ...(raw === undefined ? {} : { body: raw }),
      };
    });
}
