// Mapbox Vector Tiles of one generation's boundaries (geojson-vt + vt-pbf), built lazily per layer.
import type { Feature } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import type { BoundarySet } from '../../core/blocks/generation.js';

export const TILE_LAYERS = ['blocks', 'communities', 'townships'] as const;
export type TileLayer = (typeof TILE_LAYERS)[number];

/** Highest zoom the tiles are cut for; beyond it MapLibre overzooms the z16 tiles. */
export const TILE_MAX_ZOOM = 16;

/** Properties kept in tiles: enough to label and style, the rest comes from /api/blocks/:id. */
const TILE_PROPS: Record<TileLayer, readonly string[]> = {
  blocks: ['id', 'name', 'community_code', 'township_code', 'population_est'],
  communities: ['code', 'name', 'type', 'township_code'],
  townships: ['code', 'name', 'type'],
};

function slim(features: Feature[], keep: readonly string[]): Feature[] {
  return features.map((f) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: Object.fromEntries(keep.map((k) => [k, f.properties?.[k]])),
  }));
}

/** Cuts tiles for one immutable generation; tile indexes are built on first use and kept. */
export class TileSource {
  private readonly indexes = new Map<TileLayer, GeoJSONVT>();

  constructor(private readonly set: BoundarySet) {}

  private index(layer: TileLayer): GeoJSONVT {
    let index = this.indexes.get(layer);
    if (!index) {
      const features = slim(this.set[layer] as Feature[], TILE_PROPS[layer]);
      index = new GeoJSONVT(
        { type: 'FeatureCollection', features },
        { maxZoom: TILE_MAX_ZOOM, indexMaxZoom: 10, tolerance: 3, extent: 4096, buffer: 64 },
      );
      this.indexes.set(layer, index);
    }
    return index;
  }

  /** The encoded tile, or null when no feature touches it. */
  tile(layer: TileLayer, z: number, x: number, y: number): Uint8Array | null {
    const tile = this.index(layer).getTile(z, x, y);
    if (!tile || tile.features.length === 0) return null;
    return fromGeojsonVt({ [layer]: tile }, { version: 2, extent: 4096 });
  }
}
