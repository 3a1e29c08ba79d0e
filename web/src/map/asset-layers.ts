// Asset overlays: the Baishi Park health path (highlighted, with its length), park/stage outlines, icons.
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  SourceSpecification,
} from 'maplibre-gl';
import type { AssetKind } from '../../../core/geography/schemas';
import type { AssetFeature, Assets } from '../api/schemas';
import type { AssetGroup } from '../state/store';
import { kindsOf } from './asset-icons';
import { emptyCollection } from './display-crs';
import { FONT_BOLD, FONT_REGULAR } from './fonts';
import { COLORS } from './palette';

/** Layers whose click opens a popup; a click on a park or stage area drops the pin like anywhere else. */
export const ASSET_CLICK_LAYERS = ['asset-icons', 'asset-path-line'];
export const PATH_LAYER = 'asset-path-line';
export const PATH_LABEL_LAYER = 'asset-path-label';

export function assetSources(): Record<string, SourceSpecification> {
  const empty = emptyCollection();
  return { assets: { type: 'geojson', data: empty }, 'asset-path-labels': { type: 'geojson', data: empty } };
}

/** "1.7 km": the length label of a path (one decimal, as signposts show it). */
export function lengthLabel(metres: number): string {
  return metres < 1000 ? `${Math.round(metres)} m` : `${(metres / 1000).toFixed(1)} km`;
}

/** A label point at the top (northernmost vertex) of each path, carrying its name and length label. */
export function pathLabelPoints(assets: Assets): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const f of assets.features) {
    if (f.geometry.type !== 'LineString' || !f.properties.length_m) continue;
    const coords = (f.geometry as LineString).coordinates;
    const top = coords.reduce((a, b) => (b[1] > a[1] ? b : a), coords[0]);
    features.push({
      type: 'Feature',
      properties: {
        id: f.properties.id,
        name: f.properties.name,
        length_label: lengthLabel(f.properties.length_m),
      },
      geometry: { type: 'Point', coordinates: top },
    });
  }
  return { type: 'FeatureCollection', features };
}

const kindIn = (kinds: AssetKind[]): ExpressionSpecification => ['in', ['get', 'kind'], ['literal', kinds]];

/** Layer filters and path visibility for the visible groups (the legend's checkboxes). */
export function assetFilters(groups: readonly AssetGroup[]): {
  filters: Record<string, FilterSpecification>;
  pathLayers: string[];
  showPaths: boolean;
} {
  const kinds = groups.flatMap(kindsOf);
  const geom = (t: string): ExpressionSpecification => ['==', ['geometry-type'], t];
  return {
    filters: {
      'asset-area-fill': ['all', geom('Polygon'), kindIn(kinds)],
      'asset-area-line': ['all', geom('Polygon'), kindIn(kinds)],
      'asset-area-label': ['all', geom('Polygon'), kindIn(kinds)],
      'asset-path-casing': geom('LineString'),
      [PATH_LAYER]: geom('LineString'),
      'asset-icons': ['all', geom('Point'), kindIn(kinds)],
    },
    pathLayers: ['asset-path-casing', PATH_LAYER, PATH_LABEL_LAYER],
    showPaths: groups.includes('paths'),
  };
}

/** Fills of park and stage areas: drawn on the land, under the boundary lines. */
export function assetAreaLayers(): LayerSpecification[] {
  return [
    {
      id: 'asset-area-fill',
      type: 'fill',
      source: 'assets',
      minzoom: 12,
      paint: {
        'fill-color': ['match', ['get', 'kind'], 'stage', COLORS.stage, COLORS.park],
        'fill-opacity': 0.85,
      },
    },
    {
      id: 'asset-area-line',
      type: 'line',
      source: 'assets',
      minzoom: 12,
      paint: { 'line-color': COLORS.parkLine, 'line-width': 1.2 },
    },
  ];
}

/** The path, its label and the point icons: drawn above the boundaries. */
export function assetTopLayers(): LayerSpecification[] {
  const width = (extra: number) =>
    ['interpolate', ['linear'], ['zoom'], 12, 2.5 + extra, 17, 7 + extra] as ExpressionSpecification;
  return [
    {
      id: 'asset-path-casing',
      type: 'line',
      source: 'assets',
      minzoom: 11,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': width(4) },
    },
    {
      id: PATH_LAYER,
      type: 'line',
      source: 'assets',
      minzoom: 11,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': COLORS.path, 'line-width': width(0) },
    },
    {
      id: 'asset-icons',
      type: 'symbol',
      source: 'assets',
      minzoom: 11.5,
      layout: {
        'icon-image': ['concat', 'asset-', ['get', 'kind']],
        'icon-size': ['interpolate', ['linear'], ['zoom'], 11.5, 0.75, 15, 1],
        'icon-padding': 1,
        'symbol-sort-key': ['match', ['get', 'kind'], 'landmark', 0, 'service_centre', 1, 2],
        'text-field': ['step', ['zoom'], '', 15, ['get', 'name']],
        'text-font': FONT_REGULAR,
        'text-size': 11.5,
        'text-anchor': 'top',
        'text-offset': [0, 1.1],
        'text-optional': true,
        'text-max-width': 8,
      },
      paint: { 'text-color': '#26323a', 'text-halo-color': COLORS.halo, 'text-halo-width': 1.4 },
    },
    {
      id: 'asset-area-label',
      type: 'symbol',
      source: 'assets',
      minzoom: 15,
      filter: ['==', ['geometry-type'], 'Polygon'],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_REGULAR,
        'text-size': 12,
        'text-max-width': 7,
      },
      paint: { 'text-color': '#1e5a24', 'text-halo-color': COLORS.halo, 'text-halo-width': 1.4 },
    },
    {
      id: PATH_LABEL_LAYER,
      type: 'symbol',
      source: 'asset-path-labels',
      minzoom: 13,
      layout: {
        'text-field': [
          'step',
          ['zoom'],
          ['get', 'length_label'],
          14.5,
          ['concat', ['get', 'name'], '\n', ['get', 'length_label']],
        ],
        'text-font': FONT_BOLD,
        'text-size': ['interpolate', ['linear'], ['zoom'], 13, 12, 17, 15],
        'text-anchor': 'bottom',
        'text-offset': [0, -0.5],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': COLORS.path, 'text-halo-color': COLORS.halo, 'text-halo-width': 2 },
    },
  ];
}

/** Features of the asset collection by id, for popups and search. */
export function assetById(assets: Assets, id: string): AssetFeature | undefined {
  return assets.features.find((f) => f.properties.id === id);
}
