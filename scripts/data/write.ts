// Byte-stable writers: fixed key order (as built), one feature or record per line, trailing newline.
import fs from 'node:fs';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';

/** Serialises a FeatureCollection with one feature per line (diff-friendly, still compact). */
export function geojsonText(fc: FeatureCollection, foreign: Record<string, unknown> = {}): string {
  const head = JSON.stringify({ type: 'FeatureCollection', ...foreign }).slice(0, -1);
  return `${head},"features":[\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/** Serialises an object whose array members are written one element per line. */
export function jsonLinesText(value: Record<string, unknown>): string {
  const parts = Object.entries(value).map(([k, v]) =>
    Array.isArray(v)
      ? `${JSON.stringify(k)}:[\n${v.map((x) => JSON.stringify(x)).join(',\n')}\n]`
      : `${JSON.stringify(k)}:${JSON.stringify(v)}`,
  );
  return `{${parts.join(',\n')}}\n`;
}

/** Writes text to dir/name, creating dir; returns the byte size. */
export function writeText(dir: string, name: string, text: string): number {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
  return Buffer.byteLength(text);
}
