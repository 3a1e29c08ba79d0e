// Hostile query strings and path values for the fuzz suite, and pagination cursors forged in the
// product's own encoding.
import fc from 'fast-check';
import { hugeNumber, nastyText, pct, RawJson } from './hostile-values.js';
import type { JsonSchema } from './openapi.js';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'];

/**
 * Pagination cursors forged in the product's own encoding (base64url JSON of one base64url JSON key
 * per listed partition), with made-up key values: they decode, so they reach the store.
 */
export const forgedCursor: fc.Arbitrary<string> = fc
  .tuple(
    fc.dictionary(
      fc.constantFrom(...KEY_ATTRS),
      fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('INCIDENT#x', 'TOWNSHIP#430302006')),
      { maxKeys: 4 },
    ),
    // One partition (a block, a township), every township (15), or any count.
    fc.oneof(
      { weight: 2, arbitrary: fc.constant(15) },
      { weight: 1, arbitrary: fc.constant(1) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 20 }) },
    ),
  )
  .map(([key, n]) => b64(Array.from({ length: n }, () => b64(key))));

/** Query strings for a GET: its own parameters with hostile values, unknown and repeated keys. */
export function queryStrings(params: { name: string; schema: JsonSchema }[]): fc.Arbitrary<string> {
  const hostile = (s: JsonSchema) =>
    fc.oneof(
      s.enum ? fc.constantFrom(...s.enum.map(String)) : nastyText,
      nastyText,
      hugeNumber.map((n) => (n instanceof RawJson ? n.text : String(n))),
      fc.constantFrom('0', '-1', '201', '1e309', 'NaN', 'a,b,,c', 'true', '112.5,27.8,113,28'),
    );
  // Cursors are mostly forged in the product's encoding: random text never gets past their decoding.
  const hostileValue = (s: JsonSchema, name: string) =>
    name === 'cursor'
      ? fc.oneof({ weight: 4, arbitrary: forgedCursor }, { weight: 1, arbitrary: hostile(s) })
      : hostile(s);
  const names = params.map((p) => p.name);
  const encoded = (pairs: [string, string][], encode: boolean) => {
    const enc = encode ? pct : (s: string) => s.replace(/[#?&\s]/g, (ch) => pct(ch));
    return pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  };
  // Many parameters at once (each in about a third of the queries), plus unknown and repeated keys.
  const many = fc
    .tuple(
      fc.tuple(
        ...params.map((p) =>
          fc.oneof(
            { weight: 2, arbitrary: fc.constant(undefined) },
            { weight: 1, arbitrary: hostileValue(p.schema, p.name) },
          ),
        ),
      ),
      fc.array(fc.tuple(fc.oneof(nastyText, fc.constantFrom(...(names.length ? names : ['x']))), nastyText), {
        maxLength: 2,
      }),
      fc.boolean(),
    )
    .map(([values, extra, encode]) => {
      const pairs: [string, string][] = names.flatMap((n, i) =>
        values[i] === undefined ? [] : [[n, String(values[i])] as [string, string]],
      );
      return encoded([...pairs, ...extra], encode);
    });
  // One hostile parameter alone, so it is not masked by another one's 400.
  const single = params.length
    ? fc
        .integer({ min: 0, max: params.length - 1 })
        .chain((i) =>
          hostileValue(params[i].schema, params[i].name).map((v) => [params[i].name, String(v)] as const),
        )
        .chain(([k, v]) => fc.boolean().map((encode) => encoded([[k, v]], encode)))
    : many;
  return fc.oneof({ weight: 1, arbitrary: many }, { weight: 2, arbitrary: single });
}

/** Path parameter values: hostile text, traversal attempts and (when given) a real value. */
export const pathValue = (real?: string) =>
  fc.oneof(
    ...(real ? [fc.constant(real)] : []),
    nastyText.filter((s) => s.length > 0),
    fc.constantFrom('..', '%2e%2e', '../../..', 'a/b', 'x'.repeat(500), '0', '-1', '99999999999999999999'),
  );
