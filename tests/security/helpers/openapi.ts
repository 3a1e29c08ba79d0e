// The OpenAPI document as the list of operations the security suites walk through, so a new route is
// fuzzed and checked against the permission matrix without anyone remembering to add it here.
import { seededApp } from '../../helpers/store.js';

/** A JSON schema as the document holds it (only the parts the suites read). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  [key: string]: unknown;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface RawOperation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, unknown>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Operation {
  /** `METHOD path` exactly as in the document, e.g. `POST /api/incidents/{id}/transitions`. */
  key: string;
  method: string;
  path: string;
  pathParams: string[];
  queryParams: { name: string; schema: JsonSchema }[];
  /** Request headers the operation documents (lower case), e.g. `if-match`, `idempotency-key`. */
  headerParams: string[];
  /** Media types of the request body, if it has one. */
  bodyTypes: string[];
  /** Whether the body is required (an optional one may be ignored when its content type is not JSON). */
  bodyRequired: boolean;
  /** The JSON body schema (references resolved one level at a time by `deref`). */
  jsonSchema?: JsonSchema;
  /** The form body schema (`application/x-www-form-urlencoded`). */
  formSchema?: JsonSchema;
}

/**
 * The document of an app over the shared seeded table, read at collection time so each operation can
 * be its own test (rendering the document touches no table).
 */
export async function documentedOperations() {
  const { app, runtime } = seededApp();
  try {
    return await loadOpenApi(app);
  } finally {
    runtime.clients.raw.destroy();
  }
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/** Fetches `/api/openapi.json` from the app; fails loudly when the document itself is broken. */
export async function loadOpenApi(app: { request: (path: string) => Response | Promise<Response> }) {
  const res = await app.request('/api/openapi.json');
  const text = await res.text();
  if (res.status !== 200) {
    throw new Error(
      `GET /api/openapi.json answered ${res.status} (${text.slice(0, 300)}): the security suites enumerate ` +
        'routes from the document, so fix the schema it cannot render first',
    );
  }
  const doc = JSON.parse(text) as OpenApiDocument;
  return { doc, operations: operationsOf(doc) };
}

/** Every operation of the document, in document order. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      out.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
        queryParams: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: deref(doc, p.schema ?? {}) })),
        headerParams: params.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()),
        bodyTypes: Object.keys(content),
        bodyRequired: op.requestBody?.required === true,
        jsonSchema: content['application/json']?.schema
          ? inline(doc, content['application/json'].schema)
          : undefined,
        formSchema: content['application/x-www-form-urlencoded']?.schema
          ? inline(doc, content['application/x-www-form-urlencoded'].schema)
          : undefined,
      });
    }
  }
  return out;
}

/** Resolves a `#/components/schemas/…` reference (and chains of them). */
export function deref(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let hops = 0; s.$ref && hops < 20; hops++) {
    const name = s.$ref.replace('#/components/schemas/', '');
    s = doc.components?.schemas?.[name] ?? {};
  }
  return s;
}

/** The schema with every reference replaced by its target (to a fixed depth: schemas may recurse). */
export function inline(doc: OpenApiDocument, schema: JsonSchema, depth = 0): JsonSchema {
  const s = deref(doc, schema);
  if (depth > 8) return s;
  const sub = (x: JsonSchema) => inline(doc, x, depth + 1);
  const out: JsonSchema = { ...s };
  if (s.properties)
    out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, sub(v)]));
  if (s.items) out.items = sub(s.items);
  if (s.prefixItems) out.prefixItems = s.prefixItems.map(sub);
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) if (s[key]) out[key] = s[key].map(sub);
  return out;
}

/** The path with its `{params}` replaced (values percent-encoded by `encode`). */
export function fillPath(
  path: string,
  values: Record<string, string>,
  encode: (v: string) => string = encodeURIComponent,
): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for path parameter ${name} of ${path}`);
    return encode(v);
  });
}

/** The JSON types a schema allows (`integer` counts as `number`). */
export function typesOf(schema: JsonSchema): string[] {
  if (schema.enum) return [...new Set(schema.enum.map((v) => (v === null ? 'null' : typeof v)))];
  if (schema.const !== undefined) return [schema.const === null ? 'null' : typeof schema.const];
  const t = schema.type;
  const list = t === undefined ? [] : Array.isArray(t) ? t : [t];
  return list.map((x) => (x === 'integer' ? 'number' : x));
}
