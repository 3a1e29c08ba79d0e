// Township, community and block boundaries: vector tiles from the API, or transformed GeoJSON on a GCJ-02 basemap.
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
} from 'maplibre-gl';
import { tileTemplate } from '../api/client';
import { emptyCollection } from './display-crs';
import { FONT_BOLD, FONT_REGULAR } from './fonts';
import { COLORS, TOWNSHIP_TINTS } from './palette';

export type BoundaryLayer = 'townships' | 'communities' | 'blocks';
export const BOUNDARY_LAYERS: BoundaryLayer[] = ['townships', 'communities', 'blocks'];

/** Where the boundaries come from (data/geojson/README.md): the district outline is real, the rest is demo data. */
const ATTRIBUTION = '区界 © DataV.GeoAtlas；区块等为演示数据';

/** Vector tiles (WGS84 display) or GeoJSON sources filled later with display coordinates (GCJ-02). */
export function boundarySources(generation: number, useTiles: boolean): Record<string, SourceSpecification> {
  const empty = emptyCollection();
  const sources: Record<string, SourceSpecification> = {};
  for (const layer of BOUNDARY_LAYERS) {
    const attribution = layer === 'townships' ? ATTRIBUTION : undefined;
    // Blocks are addressed by their id (feature-state: the dispatcher's hot-spot bins).
    const promoteId = layer === 'blocks' ? { promoteId: 'id' } : {};
    sources[layer] = useTiles
      ? {
          type: 'vector',
          tiles: [tileTemplate(layer, generation)],
          minzoom: 0,
          maxzoom: 16,
          attribution,
          ...promoteId,
        }
      : { type: 'geojson', data: empty, tolerance: 0.2, attribution, ...promoteId };
  }
  sources['township-labels'] = { type: 'geojson', data: empty };
  sources['community-labels'] = { type: 'geojson', data: empty };
  sources['block-labels'] = { type: 'geojson', data: empty };
  return sources;
}

const zoomed = (pairs: number[]): ExpressionSpecification =>
  ['interpolate', ['linear'], ['zoom'], ...pairs] as ExpressionSpecification;

function tintExpression(): DataDrivenPropertyValueSpecification<string> {
  const pairs = Object.entries(TOWNSHIP_TINTS).flat();
  return ['match', ['get', 'code'], ...pairs, COLORS.land] as unknown as ExpressionSpecification;
}

/** The fills that form the land (under the assets), tinted per township. */
export function boundaryFillLayers(useTiles: boolean, overBasemap: boolean): LayerSpecification[] {
  const src = (layer: BoundaryLayer) =>
    useTiles ? { source: layer, 'source-layer': layer } : { source: layer };
  return [
    {
      id: 'township-fill',
      type: 'fill',
      ...src('townships'),
      paint: { 'fill-color': tintExpression(), 'fill-opacity': overBasemap ? 0.22 : 1 },
    },
  ];
}

/** Boundary lines, strongest for townships, and the area labels (above assets' fills, under icons). */
export function boundaryLineLayers(useTiles: boolean): LayerSpecification[] {
  const src = (layer: BoundaryLayer) =>
    useTiles ? { source: layer, 'source-layer': layer } : { source: layer };
  return [
    {
      id: 'block-line',
      type: 'line',
      ...src('blocks'),
      minzoom: 11.5,
      paint: {
        'line-color': COLORS.block,
        'line-width': zoomed([11.5, 0.4, 16, 1.4]),
        'line-opacity': zoomed([11.5, 0, 12.5, 1]),
      },
    },
    {
      id: 'community-line',
      type: 'line',
      ...src('communities'),
      minzoom: 10,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': COLORS.community,
        'line-width': zoomed([10, 0.6, 15, 2]),
        'line-opacity': zoomed([10, 0.4, 11.5, 1]),
      },
    },
    {
      id: 'township-casing',
      type: 'line',
      ...src('townships'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': COLORS.townshipCasing,
        'line-width': zoomed([9, 3.5, 15, 7]),
        'line-opacity': 0.75,
      },
    },
    {
      id: 'township-line',
      type: 'line',
      ...src('townships'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLORS.township, 'line-width': zoomed([9, 1.4, 15, 3.2]) },
    },
  ];
}

/**
 * Names: townships at district zoom, communities when zoomed in, blocks close up. All come from label points
 * (label-points.ts), not from tiled polygons, which would repeat a name in every tile the area touches.
 */
export function boundaryLabelLayers(): LayerSpecification[] {
  const name = ['get', 'name'] as ExpressionSpecification;
  return [
    {
      id: 'block-label',
      type: 'symbol',
      source: 'block-labels',
      minzoom: 14,
      layout: {
        // "白石社区第3区块" -> "第3区块": the community's name is already on the map.
        'text-field': [
          'case',
          ['>=', ['index-of', '第', name], 0],
          ['slice', name, ['index-of', '第', name]],
          name,
        ],
        'text-font': FONT_REGULAR,
        'text-size': 12,
        'text-padding': 4,
      },
      paint: { 'text-color': COLORS.labelBlock, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.4 },
    },
    {
      id: 'community-label',
      type: 'symbol',
      source: 'community-labels',
      minzoom: 11.6,
      layout: {
        'text-field': name,
        'text-font': FONT_REGULAR,
        'text-size': zoomed([11.6, 12, 16, 16]),
        'text-padding': 3,
        'symbol-sort-key': ['-', 0, ['get', 'area_m2']],
      },
      paint: { 'text-color': COLORS.labelCommunity, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.6 },
    },
    {
      id: 'township-label',
      type: 'symbol',
      source: 'township-labels',
      maxzoom: 13.2,
      layout: {
        'text-field': name,
        'text-font': FONT_BOLD,
        'text-size': zoomed([9, 13, 12, 17]),
        'text-letter-spacing': 0.08,
        'text-allow-overlap': false,
      },
      paint: { 'text-color': COLORS.labelTownship, 'text-halo-color': COLORS.halo, 'text-halo-width': 2 },
    },
  ];
}
