// Golden-file helpers for tests/fixtures/hotspots: read an input, compare with or (REGEN=1) rewrite an output.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'hotspots');

/** True when the run should rewrite out/ files from the implementation. */
export const REGEN = process.env.REGEN === '1';

export function readFixture(kind: 'in' | 'out', name: string): FeatureCollection {
  return JSON.parse(readFileSync(join(FIXTURES, kind, `${name}.geojson`), 'utf8'));
}

/** Writes a FeatureCollection one feature per line, so a changed block shows as one changed line. */
export function writeFixture(name: string, fc: FeatureCollection): void {
  const lines = fc.features.map((f) => JSON.stringify(f));
  writeFileSync(
    join(FIXTURES, 'out', `${name}.geojson`),
    `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`,
  );
}

/** Rounds to 9 decimals, enough to compare at 1e-6 and short enough to read. */
export const round9 = (v: number) => Math.round(v * 1e9) / 1e9;
