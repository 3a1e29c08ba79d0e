// Hostile JSON values for the fuzz suites: huge and non-finite numbers, control characters and lone
// surrogates; and JSON text that JSON.stringify cannot write.
import fc from 'fast-check';

/** JSON text written verbatim (1e400, 30-digit integers, broken JSON), which JSON.stringify cannot produce. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of `value`, writing RawJson verbatim; handles null-prototype objects and depth 1,000+. */
export function toJson(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : toJson(v))).join(',')}]`;
  if (value && typeof value === 'object') {
    const parts: string[] = [];
    for (const k of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined && typeof v !== 'function') parts.push(`${JSON.stringify(k)}:${toJson(v)}`);
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The JSON type of a generated value. */
export function jsonTypeOf(v: unknown): string {
  if (v instanceof RawJson) return /^-?\d/.test(v.text) ? 'number' : 'invalid';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Percent-encodes the UTF-8 bytes of `s` (lone surrogates become U+FFFD instead of throwing). */
export const pct = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0').toUpperCase()}`,
    )
    .join('');

/** Control characters, lone surrogates, invisible and direction-changing characters, any code point. */
export const weirdUnit = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom(
    '\u007f',
    '\u0085',
    '\u200b',
    '\u200d',
    '\u2028',
    '\u2029',
    '\u202e',
    '\ufeff',
    '\uffff',
    '\ufffe',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
);

export const nastyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '1e309',
    '-1e309',
    '0x1F',
    '1_000',
    '9007199254740993',
    '',
    ' ',
    '\t\n',
    'null',
    'undefined',
    'true',
    '[]',
    '{}',
    '__proto__',
    'constructor',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '../../etc/passwd',
    '%00',
    '%E0%A4%A',
    '\u0000',
    '\u202e\u202d',
    '112.883623,27.855486',
  ),
  fc.string({ unit: weirdUnit, maxLength: 40 }),
  fc
    .tuple(fc.constantFrom('a', '字', '😀', '\u0000', '\ud800'), fc.integer({ min: 1_999, max: 5_000 }))
    .map(([c, n]) => c.repeat(n)),
);

export const hugeNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    new RawJson('1e309'),
    new RawJson('-1e309'),
    new RawJson('1e-400'),
    new RawJson('-0'),
    new RawJson('123456789012345678901234567890'),
    new RawJson('0.00000000000000000000000000000000001'),
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 63,
    -(2 ** 31) - 1,
    5e-324,
    0,
    -1,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map((b) => new RawJson(b.toString())),
);
