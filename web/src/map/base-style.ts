// The map's base style: background, optional external basemap (raster templates or a style URL), the river.
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { BasemapConfig } from '../config';
import type { DisplayCrs } from './display-crs';
import { FONT_BOLD, fontFaces } from './fonts';
import { COLORS } from './palette';
import river from './xiang-river.json';

/** Ids of the layers the app adds; everything else belongs to an external basemap. */
export const RIVER_LABEL_LAYER = 'river-label';

/** Starts from an external style (fetched by the caller) or from an empty offline style. */
export function baseStyle(
  basemap: BasemapConfig,
  display: DisplayCrs,
  external?: StyleSpecification,
): StyleSpecification {
  const sources: Record<string, SourceSpecification> = { ...(external?.sources ?? {}) };
  const layers: LayerSpecification[] = [...(external?.layers ?? [])];
  if (!external)
    layers.push({ id: 'background', type: 'background', paint: { 'background-color': COLORS.background } });
  (basemap.raster ?? []).forEach((template, i) => {
    sources[`basemap-${i}`] = {
      type: 'raster',
      tiles: [template],
      tileSize: 256,
      maxzoom: 18,
      attribution: i === 0 ? basemap.attribution : undefined,
    };
    layers.push({ id: `basemap-${i}`, type: 'raster', source: `basemap-${i}` });
  });
  const offline = !external && !basemap.raster;
  if (offline) {
    // Schematic river: only an offline map needs it; a real basemap draws the river itself.
    sources.river = { type: 'geojson', data: display.geojson(river) as FeatureCollection };
    layers.push({
      id: 'river-fill',
      type: 'fill',
      source: 'river',
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': COLORS.river },
    });
  }
  return {
    version: 8,
    name: 'Yuhu block map',
    // No `glyphs` and no `sprite`: labels are drawn locally (fonts.ts) and icons are drawn by asset-icons.ts.
    ...(external?.glyphs ? { glyphs: external.glyphs } : {}),
    ...(external?.sprite ? { sprite: external.sprite } : {}),
    'font-faces': fontFaces(),
    sources,
    layers,
  };
}

/** The river's name label, added above the boundaries (offline basemap only). */
export function riverLabelLayer(): LayerSpecification {
  return {
    id: RIVER_LABEL_LAYER,
    type: 'symbol',
    source: 'river',
    filter: ['==', ['geometry-type'], 'Point'],
    minzoom: 10,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': FONT_BOLD,
      'text-size': ['interpolate', ['linear'], ['zoom'], 10, 13, 15, 18],
      'text-letter-spacing': 0.4,
    },
    paint: {
      'text-color': COLORS.riverLabel,
      'text-halo-color': 'rgba(255,255,255,0.7)',
      'text-halo-width': 1,
    },
  };
}
