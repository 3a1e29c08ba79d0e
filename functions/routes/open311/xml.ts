// The XML side of Open311 (GeoReport v2): the spec's "Spark convention" mapping of our JSON records to
// schemaless, namespace-free XML — arrays become a plural element holding singular ones.

/** Element name of one item inside each plural (array) element the spec defines. */
const ITEM_OF: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
};

const NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Text as XML character data: escapes markup and drops characters XML 1.0 cannot carry at all
 * (control characters other than tab/newline/return, lone surrogates, U+FFFE/U+FFFF) — residents'
 * descriptions are free text, and one stray byte must not make the whole document unreadable.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: unknown, indent: string): string {
  if (!NAME.test(name)) throw new Error(`"${name}" is not an element name the Open311 XML uses`);
  if (value === null || value === undefined || value === '') return `${indent}<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_OF[name];
    if (!item) throw new Error(`no item element is defined for the array "${name}"; add it to ITEM_OF`);
    if (value.length === 0) return `${indent}<${name}/>`;
    const inner = value.map((v) => element(item, v, `${indent}  `)).join('\n');
    return `${indent}<${name}>\n${inner}\n${indent}</${name}>`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return `${indent}<${name}/>`;
    const inner = entries.map(([k, v]) => element(k, v, `${indent}  `)).join('\n');
    return `${indent}<${name}>\n${inner}\n${indent}</${name}>`;
  }
  return `${indent}<${name}>${escapeXml(String(value))}</${name}>`;
}

/**
 * A complete UTF-8 XML document whose root element is `root`, e.g. `toXml('services', [...])`.
 * `null` fields become empty elements, so every field of the spec's list is always present.
 */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, '')}\n`;
}
