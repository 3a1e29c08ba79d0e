// Report points for the load: one centroid per community that falls inside its own block, so the
// load spreads over every township (the duplicate hint reads a township's last 7 days per report).
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { Locator } from '../../../core/geo/locator.js';

export interface ReportPoint {
  lon: number;
  lat: number;
  blockId: string;
  township: string;
}

type BlockFeature = Feature<Polygon, { id: string; community_code: string; township_code: string }>;

/** Vertex average of the outer ring: inside for the compact synthetic blocks, checked below anyway. */
function ringCentroid(ring: number[][]): [number, number] {
  const pts = ring.slice(0, -1);
  const lon = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const lat = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}

/** Points that the shipped generation locates inside the block they were taken from. */
export function reportPoints(file = 'data/geojson/blocks.geojson'): ReportPoint[] {
  const fc = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<Polygon>;
  const locator = Locator.fromBlocks(fc as never);
  const seen = new Set<string>();
  const points: ReportPoint[] = [];
  for (const f of fc.features as BlockFeature[]) {
    if (f.geometry.type !== 'Polygon' || seen.has(f.properties.community_code)) continue;
    const [lon, lat] = ringCentroid(f.geometry.coordinates[0]);
    const found = locator.locate(lon, lat);
    if (!found.inside || found.blockId !== f.properties.id) continue;
    seen.add(f.properties.community_code);
    points.push({ lon, lat, blockId: f.properties.id, township: f.properties.township_code });
  }
  if (points.length < 20) throw new Error(`only ${points.length} usable report points: check ${file}`);
  return points;
}
