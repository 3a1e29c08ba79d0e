// Hostile request bodies for the fuzz suite: JSON bodies that are invalid by construction, Open311
// forms that cannot pass, and raw bytes for the upload endpoint.
import fc from 'fast-check';
import { INCIDENT_CATEGORY_KEYS } from '../../../core/incidents/categories.js';
import { badCoordinate, badGeoJson, deep, inDistrict } from './hostile-geometry.js';
import { invalidFor, shaped } from './hostile-shapes.js';
import { hugeNumber, nastyText, pct, toJson, weirdUnit } from './hostile-values.js';
import type { JsonSchema } from './openapi.js';

/** Text that is not JSON at all, or JSON broken in a way parsers disagree on. */
const malformedJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '[1,2',
    '{"a":1,}',
    "{'a':1}",
    'NaN',
    '{"lon": NaN, "lat": Infinity}',
    '{"a":1}{"b":2}',
    '\ufeff{',
    '{"a":"\\ud800',
    `{"points":${'['.repeat(5_000)}`,
  ),
  fc.string({ unit: weirdUnit, maxLength: 200 }).filter((t) => !t.trimStart().startsWith('{')),
);

/** Objects with prototype-pollution keys and escaped lone surrogates, as JSON.parse builds them. */
const pollution: fc.Arbitrary<unknown> = fc
  .constantFrom(
    '{"__proto__":{"admin":true,"role":"admin"}}',
    '{"constructor":{"prototype":{"polluted":1}}}',
    '{"a":"\\ud800","b":"\\u0000","c":"\\u202e"}',
  )
  .map((text) => JSON.parse(text));

export interface FuzzBody {
  kind: string;
  /** JSON or form text, or raw bytes (uploads). */
  text: string | Uint8Array;
  contentType?: string;
}

const JSON_TYPES = fc.constantFrom<string | undefined>(
  ...Array.from({ length: 12 }, () => 'application/json'),
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'text/plain',
  'application/x-www-form-urlencoded',
  undefined,
);

/**
 * Hostile bodies for an operation taking JSON described by `schema`; none is a valid request. When the
 * body is optional, only JSON content types are sent (without one, the body is legitimately ignored).
 */
export function jsonBodies(schema: JsonSchema | undefined, required = true): fc.Arbitrary<FuzzBody> {
  const of = (kind: string, arb: fc.Arbitrary<unknown>) =>
    invalidFor(schema, arb).map((v) => ({ kind, text: toJson(v) }));
  return fc
    .tuple(
      fc.oneof(
        { weight: 40, arbitrary: of('shaped-wrong-type', shaped(schema)) },
        { weight: 20, arbitrary: of('anything', fc.anything({ maxDepth: 4, withNullPrototype: true })) },
        { weight: 10, arbitrary: of('geojson', badGeoJson) },
        { weight: 5, arbitrary: of('deep', deep) },
        { weight: 5, arbitrary: of('scalar', fc.oneof(nastyText, hugeNumber)) },
        { weight: 8, arbitrary: malformedJson.map((text) => ({ kind: 'malformed', text })) },
        { weight: 2, arbitrary: of('pollution', pollution) },
        {
          weight: 2,
          arbitrary: of('bom', shaped(schema)).map(({ text }) => ({ kind: 'bom', text: `\ufeff${text}` })),
        },
        {
          weight: 10,
          arbitrary: of('truncated', shaped(schema))
            .chain(({ text }) =>
              fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((cut) => text.slice(0, cut)),
            )
            .map((text) => ({ kind: 'truncated', text })),
        },
      ),
      required ? JSON_TYPES : fc.constantFrom('application/json', 'application/json; charset=utf-8'),
    )
    .map(([body, contentType]) => ({ ...body, contentType }));
}

const CATEGORY = fc.constantFrom(...INCIDENT_CATEGORY_KEYS);

/** Per-field values for the Open311 form: plausible ones and hostile ones. */
function formValue(name: string): fc.Arbitrary<string> {
  const plausible: Record<string, fc.Arbitrary<string>> = {
    api_key: fc.constantFrom('fuzz-key-0001', 'k'),
    service_code: CATEGORY,
    lat: inDistrict.map(([, y]) => String(y)),
    long: inDistrict.map(([x]) => String(x)),
    description: fc.constantFrom('路灯不亮', 'fuzz report'),
    phone: fc.constantFrom('100-0000-1234', '+86 100 0000 1234'),
    email: fc.constantFrom('a@example.org'),
    media_url: fc.constantFrom('uploads/2026/11/abcdefgh12.jpg', 'https://x/uploads/2026/11/abcdefgh12.jpg'),
  };
  return fc.oneof(plausible[name] ?? nastyText, nastyText, badCoordinate.map(String));
}

/** Values that make a form report invalid for sure (so the fuzz run writes nothing). */
const FORM_BREAKERS: Record<string, string[]> = {
  service_code: ['ufo', '', 'SANITATION', 'sanitation '],
  description: ['', 'x', '   ', 'x'.repeat(2_001)],
  lat: ['NaN', '91', '-90.5', '', 'abc', '1e309', '27.9'],
  long: ['181', 'Infinity', '', '0x70', '112.5'],
};

/** Hostile `application/x-www-form-urlencoded` (and a few other) bodies for the Open311 POST. */
export function formBodies(schema: JsonSchema | undefined): fc.Arbitrary<FuzzBody> {
  const fields = Object.keys(schema?.properties ?? {});
  const breakable = Object.keys(FORM_BREAKERS).filter((f) => fields.includes(f));
  return fc
    .tuple(
      fc.tuple(...fields.map((f) => fc.option(formValue(f), { nil: undefined, freq: 4 }))),
      fc
        .constantFrom(...breakable)
        .chain((f) => fc.constantFrom(...FORM_BREAKERS[f]).map((v) => [f, v] as const)),
      fc.array(fc.tuple(nastyText, nastyText), { maxLength: 3 }),
      fc.constantFrom('encoded', 'raw', 'malformed-percent', 'repeated'),
      fc.constantFrom<string | undefined>(
        ...Array.from({ length: 10 }, () => 'application/x-www-form-urlencoded'),
        'application/x-www-form-urlencoded; charset=utf-8',
        'multipart/form-data',
        'multipart/form-data; boundary=xyz',
        'application/json',
        undefined,
      ),
    )
    .map(([values, [breakField, breakValue], extra, style, contentType]) => {
      const pairs: [string, string][] = fields.flatMap((f, i) =>
        values[i] === undefined ? [] : [[f, values[i]!] as [string, string]],
      );
      const at = pairs.findIndex(([k]) => k === breakField);
      if (at >= 0) pairs[at][1] = breakValue;
      else pairs.push([breakField, breakValue]);
      pairs.push(...extra);
      if (style === 'repeated' && pairs.length) pairs.push(pairs[0]);
      const enc = style === 'raw' ? (s: string) => s : pct;
      let text = pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
      if (style === 'malformed-percent') text += '&description=%E0%A4%A&lat=%&%zz=%FF%FE';
      return { kind: `form-${style}`, text, contentType };
    });
}

/** Raw bodies for operations taking images or multipart: random bytes, truncated magic numbers. */
export function binaryBodies(types: string[]): fc.Arbitrary<FuzzBody> {
  const JPEG = [0xff, 0xd8, 0xff];
  return fc
    .tuple(
      fc.oneof(
        fc.uint8Array({ maxLength: 4_096 }),
        fc.uint8Array({ maxLength: 512 }).map((b) => Uint8Array.from([...JPEG, ...b])),
        fc.constant(new TextEncoder().encode('--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\n')),
      ),
      fc.constantFrom<string | undefined>(
        ...types,
        'multipart/form-data; boundary=xyz',
        'image/gif',
        undefined,
      ),
    )
    .map(([text, contentType]) => ({ kind: 'binary', text, contentType }));
}
