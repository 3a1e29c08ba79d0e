// Values shaped like an operation's JSON schema (its field names, hostile values), and the rule that
// makes any generated value invalid for the schema by construction.
import fc from 'fast-check';
import { badCoordinate, badGeoJson, badRing, deep, inDistrict, position } from './hostile-geometry.js';
import { hugeNumber, jsonTypeOf, nastyText, RawJson, toJson } from './hostile-values.js';
import { type JsonSchema, typesOf } from './openapi.js';

export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyText,
  hugeNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(nastyText, hugeNumber), { maxLength: 4 }),
  fc.dictionary(nastyText, fc.oneof(nastyText, hugeNumber), { maxKeys: 3 }),
  badGeoJson,
  deep,
);

/** A value whose JSON type the schema does not allow (always rejected by a typed zod field). */
export const wrongTypeFor = (schema: JsonSchema) => {
  const allowed = typesOf(schema);
  return anyValue.filter((v) => !allowed.includes(jsonTypeOf(v)));
};

/** A value of roughly the schema's type, often hostile (never guaranteed invalid). */
export function valueFor(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), nastyText);
  const [type] = typesOf(schema);
  switch (type) {
    case 'string':
      return nastyText;
    case 'number':
      return fc.oneof(
        hugeNumber,
        badCoordinate,
        inDistrict.map(([x]) => x),
      );
    case 'boolean':
      return fc.boolean();
    case 'array':
      return schema.prefixItems
        ? fc.tuple(...schema.prefixItems.map((s) => valueFor(s, depth + 1)))
        : fc.oneof(fc.array(position, { maxLength: 6 }), fc.array(anyValue, { maxLength: 4 }), badRing);
    case 'object':
      return depth < 2 ? objectLike(schema, depth + 1) : anyValue;
    default:
      return anyValue;
  }
}

const EXTRA_KEYS = ['__proto__', 'constructor', 'toString', 'extra', '', '\u0000', 'lon ', 'LON'];

export function objectLike(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(schema.properties ?? {});
  return fc
    .tuple(
      fc.tuple(...props.map(([, s]) => fc.option(valueFor(s, depth), { nil: undefined, freq: 3 }))),
      fc.option(fc.tuple(fc.constantFrom(...EXTRA_KEYS), anyValue), { freq: 4 }),
    )
    .map(([values, extra]) => {
      const o = Object.create(null) as Record<string, unknown>;
      props.forEach(([name], i) => {
        if (values[i] !== undefined) o[name] = values[i];
      });
      if (extra) o[extra[0]] = extra[1];
      return o;
    });
}

const branchesOf = (schema: JsonSchema) => schema.oneOf ?? schema.anyOf ?? [];

/** The JSON types the body may have at the top level (for unions: any branch's). */
function topTypes(schema: JsonSchema): string[] {
  const own = typesOf(schema);
  return own.length ? own : [...new Set(branchesOf(schema).flatMap(typesOf))];
}

/**
 * Typed fields that invalidate any body of `schema` when given a value of another JSON type: its typed
 * properties, or for a union the typed fields every branch requires (e.g. the `op` discriminator).
 */
function breakableFields(schema: JsonSchema): [string, JsonSchema][] {
  if (schema.properties) return Object.entries(schema.properties).filter(([, s]) => typesOf(s).length > 0);
  const branches = branchesOf(schema);
  if (!branches.length) return [];
  return Object.keys(branches[0].properties ?? {})
    .filter((name) =>
      branches.every((b) => b.required?.includes(name) && typesOf(b.properties?.[name] ?? {}).length),
    )
    .map((name) => [name, { type: [...new Set(branches.flatMap((b) => typesOf(b.properties![name])))] }]);
}

/** Objects shaped like the schema (or like one branch of a union), with hostile values. */
export const shaped = (schema: JsonSchema | undefined): fc.Arbitrary<unknown> =>
  !schema
    ? anyValue
    : branchesOf(schema).length
      ? fc.oneof(...branchesOf(schema).map((b) => objectLike(b, 1)))
      : schema.properties
        ? objectLike(schema, 1)
        : anyValue;

/**
 * Makes generated values invalid for `schema` by construction: a value of a JSON type the body may not
 * have stays as it is; an object gets one breakable field of the wrong type; anything else (no field
 * to break) is replaced by truncated JSON. So a fuzz body is never accepted, and never writes.
 */
export function invalidFor(
  schema: JsonSchema | undefined,
  values: fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  const top = schema ? topTypes(schema) : [];
  const fields = schema ? breakableFields(schema) : [];
  const breaker = fields.length
    ? fc
        .integer({ min: 0, max: fields.length - 1 })
        .chain((i) => wrongTypeFor(fields[i][1]).map((v) => [fields[i][0], v] as const))
    : fc.constant(null);
  return fc.tuple(values, breaker).map(([v, broken]) => {
    if (top.length && !top.includes(jsonTypeOf(v))) return v;
    if (broken && jsonTypeOf(v) === 'object') {
      const o = Object.assign(Object.create(null), v) as Record<string, unknown>;
      o[broken[0]] = broken[1];
      return o;
    }
    return new RawJson(`${toJson(v).slice(0, 200)}<truncated`);
  });
}
