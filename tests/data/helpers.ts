// Loads the committed data/geojson files once per test file (tests never read ../shared) and edits copies.
import fs from 'node:fs';
import type { Feature, FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import { adjacency } from '../../core/geography/adjacency';
import type { GeographyFiles } from '../../core/geography/invariants';
import type { BlockProperties } from '../../core/geography/schemas';
import type { Violation } from '../../core/geography/violation';

const DIR = new URL('../../data/geojson/', import.meta.url);
const read = (name: string) => JSON.parse(fs.readFileSync(new URL(name, DIR), 'utf8'));

let cached: GeographyFiles | undefined;

/** The shipped files, parsed (cached; hand out clones before editing). */
export function shipped(): GeographyFiles {
  cached ??= {
    district: read('district.geojson'),
    townships: read('townships.geojson'),
    communities: read('communities.geojson'),
    blocks: read('blocks.geojson'),
    assets: read('assets.geojson'),
    departments: read('departments.json'),
    cadres: read('cadres.json'),
    incidents: read('incidents.seed.json'),
  };
  return cached;
}

/** A deep copy that a test may break freely. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

export type BlockCollection = FeatureCollection<Geometry, BlockProperties>;

/** First polygon ring of a block (all shipped blocks are Polygons). */
export function outerRing(f: Feature<Geometry, unknown>): Position[] {
  return (f.geometry as Polygon).coordinates[0];
}

/** Two neighbouring blocks and an edge they share: index i in a's ring, running a[i] → a[i + 1]. */
export function sharedEdge(blocks: BlockCollection): { a: number; b: number; i: number } {
  const neighbours = adjacency(blocks.features.map((f) => f.geometry as Polygon));
  for (let a = 0; a < blocks.features.length; a++) {
    for (const b of neighbours[a].keys()) {
      const ringA = outerRing(blocks.features[a]);
      const keysB = new Set(outerRing(blocks.features[b]).map((p) => p.join(',')));
      for (let i = 0; i + 1 < ringA.length; i++) {
        if (keysB.has(ringA[i].join(',')) && keysB.has(ringA[i + 1].join(','))) return { a, b, i };
      }
    }
  }
  throw new Error('no two blocks share an edge');
}

/** Rules that fired, for compact assertions. */
export function rules(violations: readonly Violation[]): string[] {
  return [...new Set(violations.map((v) => v.rule))].sort();
}

export const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
